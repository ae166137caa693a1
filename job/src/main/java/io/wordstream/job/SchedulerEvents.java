package io.wordstream.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.collection.Iterator;

/**
 * What Spark's scheduler does about executors, published as it happens so the console can tell a lost host and
 * the benchmark can tell a false alarm: an executor added, an executor removed (its host, and why), and a task
 * that runs again (a later attempt of it, a stage run again, or a speculative copy). Each event carries the running
 * totals, so that one lost on the way loses no count.
 */
final class SchedulerEvents extends SparkListener {
    private final BiConsumer<String, Consumer<ObjectNode>> publish;
    /** Each executor's host, by id: the removal event names no host. */
    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    private final AtomicLong removed = new AtomicLong();
    private final AtomicLong reruns = new AtomicLong();

    /**
     * @param known   the hosts of the executors registered so far, by id
     * @param publish publishes an event of a type, filled in by the consumer
     */
    SchedulerEvents(Map<String, String> known, BiConsumer<String, Consumer<ObjectNode>> publish) {
        this.publish = publish;
        hosts.putAll(known);
    }

    /** For the running application, whose executors may have registered before this listener is added. */
    static SchedulerEvents of(SparkContext context, BiConsumer<String, Consumer<ObjectNode>> publish) {
        Map<String, String> known = new HashMap<>();
        Iterator<ExecutorSummary> it = context.statusStore().executorList(false).iterator();
        while (it.hasNext()) {
            ExecutorSummary s = it.next();
            known.put(s.id(), host(s.hostPort()));
        }
        return new SchedulerEvents(known, publish);
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        String host = added.executorInfo().executorHost();
        hosts.put(added.executorId(), host);
        publish.accept("executorAdded", e -> {
            e.put("executorId", added.executorId());
            e.put("host", host);
            totals(e);
        });
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved lost) {
        removed.incrementAndGet();
        publish.accept("executorRemoved", e -> {
            e.put("executorId", lost.executorId());
            e.put("host", hosts.getOrDefault(lost.executorId(), ""));
            e.put("reason", MetricsPublisher.firstLine(lost.reason()));
            totals(e);
        });
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        TaskInfo task = start.taskInfo();
        if (task.attemptNumber() == 0 && start.stageAttemptId() == 0 && !task.speculative()) {
            return;
        }
        reruns.incrementAndGet();
        publish.accept("taskRerun", e -> {
            e.put("stageId", start.stageId());
            e.put("stageAttempt", start.stageAttemptId());
            e.put("taskAttempt", task.attemptNumber());
            e.put("speculative", task.speculative());
            e.put("executorId", task.executorId());
            e.put("host", task.host());
            totals(e);
        });
    }

    private void totals(ObjectNode e) {
        e.put("executorsRemoved", removed.get());
        e.put("tasksRerun", reruns.get());
    }

    /** {@code host:port} as the status store gives it, without the port. */
    static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}
