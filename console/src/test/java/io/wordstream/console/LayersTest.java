package io.wordstream.console;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console's layers as the build checks them (docs/static-checks.md): what the views may know, what the model
 * may know, who talks to Kafka's client library, who starts processes, and no package that depends on itself
 * through others.
 */
class LayersTest {
    private static final String CONSOLE = "io.wordstream.console";
    private static final String TUI = CONSOLE + ".tui";
    /** The tui classes that draw, besides the views (named *View). */
    private static final Set<String> RENDERERS = Set.of("BarChart", "Sparkline", "Pen", "Palette", "Text", "Formats",
            "Frame");
    /** The screen's own state, which the views read: the operator's choices and input, not the pipeline's data. */
    private static final Set<String> SCREEN_STATE = Set.of("ViewState", "Analysis", "LineEditor", "BrokerOutage");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CONSOLE, "io.wordstream.common");

    private static final DescribedPredicate<JavaClass> DRAWING = DescribedPredicate.describe(
            "views and renderers of tui", c -> c.getPackageName().equals(TUI)
                    && (outer(c).endsWith("View") || RENDERERS.contains(outer(c))));

    private static final DescribedPredicate<JavaClass> SCREEN = DescribedPredicate.describe(
            "the screen's own state in tui", c -> c.getPackageName().equals(TUI) && SCREEN_STATE.contains(outer(c)));

    /** The simple name of the top-level class {@code c} belongs to (a nested or anonymous class is its outer's). */
    private static String outer(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().length() + 1);
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }

    @Test
    void viewsAndRenderersKnowOnlyTheModelAndCommon() {
        classes().that(DRAWING).should().onlyDependOnClassesThat(
                resideInAnyPackage("java..", "com.googlecode.lanterna..", "io.wordstream.common..",
                        CONSOLE + ".model..")
                        .or(DRAWING).or(SCREEN))
                .check(MAIN);
    }

    @Test
    void theModelImportsNothingElseOfTheConsole() {
        classes().that().resideInAPackage(CONSOLE + ".model..").should().onlyDependOnClassesThat(
                resideOutsideOfPackage(CONSOLE + "..").or(resideInAPackage(CONSOLE + ".model..")))
                .check(MAIN);
    }

    @Test
    void onlyTheKafkaPackageUsesKafkasClientLibrary() {
        noClasses().that().resideInAPackage(CONSOLE + "..").and().resideOutsideOfPackage(CONSOLE + ".kafka..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .check(MAIN);
    }

    @Test
    void onlyLaunchRolesAndSessionStartProcesses() {
        noClasses().that().resideInAPackage(CONSOLE + "..")
                .and().resideOutsideOfPackages(CONSOLE + ".launch..", CONSOLE + ".roles..", CONSOLE + ".session..")
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould().callMethodWhere(target(name("exec")).and(target(owner(assignableTo(Runtime.class)))))
                .check(MAIN);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.wordstream.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
