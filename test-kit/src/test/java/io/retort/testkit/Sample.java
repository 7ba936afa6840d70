package io.retort.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sample test class: one that the kit's ITs run through JUnit's EngineTestKit to see it pass or fail as a
 * user's test would. Samples run only there (some fail on purpose), never when an IDE or the build picks them up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Sample.OnlyThroughSamples.class)
public @interface Sample {
    /** The configuration parameter {@link Samples} sets. */
    String PARAMETER = "retort.testkit.samples";

    /** Enables a sample only when {@link Samples} runs it. */
    final class OnlyThroughSamples implements ExecutionCondition {
        /** Made by JUnit. */
        public OnlyThroughSamples() {
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Samples")
                    : ConditionEvaluationResult.disabled("a sample: only the kit's ITs run it, through Samples");
        }
    }
}
