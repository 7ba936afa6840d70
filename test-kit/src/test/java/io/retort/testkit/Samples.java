package io.retort.testkit;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs {@link Sample} classes as JUnit would run a user's tests, on one of the {@link KitDatabase}s. */
final class Samples {
    private Samples() {
    }

    /**
     * @param sample   a sample class
     * @param database where its extension's database is
     * @return what happened to its tests
     */
    static EngineExecutionResults run(Class<?> sample, KitDatabase database) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Sample.PARAMETER, "true")
                .configurationParameters(database.configuration())
                .selectors(selectClass(sample))
                .execute();
    }

    /**
     * @param results a run's results
     * @return the failure messages of its failed tests and containers, in order
     */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .map(p -> p.flatMap(o -> o instanceof org.junit.platform.engine.TestExecutionResult r ? r.getThrowable() : java.util.Optional.empty())
                        .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("?"))
                .toList();
    }
}
