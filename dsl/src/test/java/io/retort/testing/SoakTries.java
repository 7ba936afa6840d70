package io.retort.testing;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * {@link Soak} for jqwik, whose {@code @Property(tries = ...)} must be a constant: on a property class, every
 * property declared with more than {@link #quick()} tries (the reliability plan's figure) runs
 * {@code Soak.size(property(), quick(), declaredTries)} tries instead. Properties declared with fewer tries are
 * left as they are. jqwik's report prints the tries each property ran.
 */
@Target(ElementType.TYPE)
@java.lang.annotation.Inherited
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(SoakTries.Hook.class)
public @interface SoakTries {
    /** @return the system property that sets the tries explicitly, e.g. {@code retort.r22.tries} */
    String property();

    /** @return the tries of a default (quick) run */
    int quick();

    /** Applies {@link SoakTries} to each property of the annotated class. */
    final class Hook implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.findAnnotationsInContainer(SoakTries.class).stream().findFirst().ifPresent(soak ->
                    context.attributes().tries().filter(declared -> declared > soak.quick()).ifPresent(declared ->
                            context.attributes().setTries(Soak.size(soak.property(), soak.quick(), declared))));
            return property.execute();
        }

        @Override
        public PropagationMode propagateTo() {
            return PropagationMode.ALL_DESCENDANTS;
        }

        @Override
        public boolean appliesTo(Optional<AnnotatedElement> element) {
            return element.map(e -> e instanceof Method).orElse(false);
        }
    }
}
