package io.wordstream.job;

import java.util.List;
import java.util.Map;

/**
 * Spark's optimizer rules that never change the job's plans. Structured Streaming optimizes each micro-batch's plan
 * anew, and every rule walks the whole plan even where it finds nothing to do (what that cost is in
 * docs/benchmarks-history.md, round 11). Spark's rules that correctness needs cannot be excluded, so an excluded rule
 * only ever costs a missed optimization; {@code IdleOptimizerRulesTest} holds that none of them changes the plan of
 * the job's counting.
 */
final class IdleOptimizerRules {
    static final String SETTING = "spark.sql.optimizer.excludedRules";

    private static final Map<String, List<String>> BY_PACKAGE = Map.of(
            "org.apache.spark.sql.catalyst.optimizer", List.of(
                    "BooleanSimplification", "CheckCartesianProducts", "CleanUpTempCTEInfo", "CollapseRepartition",
                    "CollapseWindow", "CombineConcats", "CombineTypedFilters", "CombineUnions", "ConstantPropagation",
                    "CostBasedJoinReorder", "DecimalAggregates", "EliminateAggregateFilter", "EliminateDistinct",
                    "EliminateLimits", "EliminateMapObjects", "EliminateOffsets", "EliminateOuterJoin",
                    "EliminateSerialization", "EliminateSorts", "FoldablePropagation", "GenerateOptimization",
                    "InferFiltersFromConstraints", "InferFiltersFromGenerate", "InferWindowGroupLimit",
                    "InjectRuntimeFilter", "InlineCTE", "LikeSimplification", "LimitPushDown",
                    "LimitPushDownThroughWindow", "MergeScalarSubqueries", "NullDownPropagation",
                    "ObjectSerializerPruning", "OptimizeCsvJsonExprs", "OptimizeIn", "OptimizeOneRowPlan",
                    "OptimizeOneRowRelationSubquery", "OptimizeRand", "OptimizeRepartition", "OptimizeUpdateFields",
                    "OptimizeWindowFunctions", "Optimizer$UpdateCTERelationStats", "PropagateEmptyRelation",
                    "PruneFilters", "PushDownLeftSemiAntiJoin", "PushExtraPredicateThroughJoin",
                    "PushFoldableIntoBranches", "PushLeftSemiLeftAntiThroughJoin", "PushPredicateThroughJoin",
                    "PushPredicateThroughNonJoin", "PushProjectionThroughLimit", "PushProjectionThroughUnion",
                    "PushdownPredicatesAndPruneColumnsForCTEDef", "ReassignLambdaVariableID",
                    "RemoveDispensableExpressions", "RemoveLiteralFromGroupExpressions",
                    "RemoveNoopUnion", "RemoveRedundantAggregates", "RemoveRepetitionFromGroupExpressions",
                    "ReorderAssociativeOperator", "ReorderJoin", "ReplaceNullWithFalseInPredicate",
                    "RewriteNonCorrelatedExists", "SimplifyBinaryComparison", "SimplifyCaseConversionExpressions",
                    "SimplifyCasts", "SimplifyConditionals", "SimplifyExtractValueOps", "TransposeWindow",
                    "UnwrapCastInBinaryComparison"),
            "org.apache.spark.sql.catalyst.analysis", List.of("UpdateAttributeNullability"),
            "org.apache.spark.sql.execution", List.of("OptimizeMetadataOnlyQuery"),
            "org.apache.spark.sql.execution.datasources", List.of(
                    "PruneFileSourcePartitions", "SchemaPruning", "V1Writes"),
            "org.apache.spark.sql.execution.datasources.v2", List.of("OptimizeMetadataOnlyDeleteFromTable"),
            "org.apache.spark.sql.execution.dynamicpruning", List.of(
                    "CleanupDynamicPruningFilters", "PartitionPruning", "RowLevelOperationRuntimeGroupFiltering"),
            "org.apache.spark.sql.execution.python", List.of("ExtractPythonUDTFs"));

    private IdleOptimizerRules() {
    }

    /** The rules' class names, as {@link #SETTING} takes them. */
    static List<String> names() {
        return BY_PACKAGE.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(rule -> e.getKey() + "." + rule))
                .sorted()
                .toList();
    }

    /** The value of {@link #SETTING}: the names, comma-separated. */
    static String setting() {
        return String.join(",", names());
    }
}
