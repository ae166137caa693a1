package io.wordstream.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkContext;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.collection.Iterator;

/**
 * The figures of the application's live executors (the driver included) as JSON, for the console's cluster view:
 * read from the driver's own status store, the one the Spark web UI would show, so no web UI is needed.
 */
final class ExecutorFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkContext context;

    ExecutorFigures(SparkContext context) {
        this.context = context;
    }

    /** One object per live executor: id, host, cores, active and failed tasks, memory used and max, GC time. */
    ArrayNode read() {
        ArrayNode out = JSON.createArrayNode();
        // statusStore is Spark-internal in Scala but public in bytecode; it is what SparkStatusTracker reads too,
        // and unlike the tracker it has the failed tasks and the GC time.
        Iterator<ExecutorSummary> it = context.statusStore().executorList(true).iterator();
        while (it.hasNext()) {
            ExecutorSummary s = it.next();
            ObjectNode e = out.addObject();
            e.put("id", s.id());
            e.put("host", s.hostPort());
            e.put("cores", s.totalCores());
            e.put("activeTasks", s.activeTasks());
            e.put("failedTasks", s.failedTasks());
            e.put("completedTasks", s.completedTasks());
            e.put("memoryUsed", s.memoryUsed());
            e.put("maxMemory", s.maxMemory());
            e.put("gcTimeMs", s.totalGCTime());
        }
        return out;
    }
}
