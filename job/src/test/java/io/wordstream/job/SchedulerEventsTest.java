package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.scheduler.TaskLocality;
import org.apache.spark.scheduler.cluster.ExecutorInfo;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.Map$;

class SchedulerEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> published = new ArrayList<>();
    private final SchedulerEvents events = new SchedulerEvents(Map.of("1", "10.0.0.2"), (type, fill) -> {
        ObjectNode e = JSON.createObjectNode().put("type", type);
        fill.accept(e);
        published.add(e);
    });

    @Test
    void aRemovedExecutorIsNamedWithItsHostAndTheReasonEvenWhenItRegisteredBeforeTheListener() {
        events.onExecutorRemoved(new SparkListenerExecutorRemoved(0, "1", "worker lost\nmore detail"));

        assertEquals(List.of("{\"type\":\"executorRemoved\",\"executorId\":\"1\",\"host\":\"10.0.0.2\","
                + "\"reason\":\"worker lost\",\"executorsRemoved\":1,\"tasksRerun\":0}"), texts());
    }

    @Test
    void anExecutorAddedLaterIsNamedWithItsHostWhenRemoved() {
        events.onExecutorAdded(new SparkListenerExecutorAdded(0, "4", new ExecutorInfo("10.0.0.4", 1,
                Map$.MODULE$.empty())));
        events.onExecutorRemoved(new SparkListenerExecutorRemoved(0, "4", "lost"));

        assertEquals(List.of("{\"type\":\"executorAdded\",\"executorId\":\"4\",\"host\":\"10.0.0.4\","
                        + "\"executorsRemoved\":0,\"tasksRerun\":0}",
                "{\"type\":\"executorRemoved\",\"executorId\":\"4\",\"host\":\"10.0.0.4\",\"reason\":\"lost\","
                        + "\"executorsRemoved\":1,\"tasksRerun\":0}"), texts());
    }

    @Test
    void onlyATaskThatRunsAgainIsPublished() {
        events.onTaskStart(start(0, 0, false));
        events.onTaskStart(start(0, 1, false));
        events.onTaskStart(start(1, 0, false));
        events.onTaskStart(start(0, 0, true));

        assertEquals(List.of(
                "{\"type\":\"taskRerun\",\"stageId\":3,\"stageAttempt\":0,\"taskAttempt\":1,\"speculative\":false,"
                        + "\"executorId\":\"2\",\"host\":\"10.0.0.3\",\"executorsRemoved\":0,\"tasksRerun\":1}",
                "{\"type\":\"taskRerun\",\"stageId\":3,\"stageAttempt\":1,\"taskAttempt\":0,\"speculative\":false,"
                        + "\"executorId\":\"2\",\"host\":\"10.0.0.3\",\"executorsRemoved\":0,\"tasksRerun\":2}",
                "{\"type\":\"taskRerun\",\"stageId\":3,\"stageAttempt\":0,\"taskAttempt\":0,\"speculative\":true,"
                        + "\"executorId\":\"2\",\"host\":\"10.0.0.3\",\"executorsRemoved\":0,\"tasksRerun\":3}"),
                texts());
    }

    private static SparkListenerTaskStart start(int stageAttempt, int taskAttempt, boolean speculative) {
        return new SparkListenerTaskStart(3, stageAttempt, new TaskInfo(7, 0, taskAttempt, 0, 0, "2", "10.0.0.3",
                TaskLocality.ANY(), speculative));
    }

    private List<String> texts() {
        return published.stream().map(ObjectNode::toString).toList();
    }
}
