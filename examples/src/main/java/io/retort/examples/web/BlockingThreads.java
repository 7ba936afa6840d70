package io.retort.examples.web;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads {@link BlockingUserService} runs its JDBC calls on: one virtual thread per call where the JVM has
 * them (Java 21+), or a bounded pool of platform threads. Virtual threads are reached by reflection so that this
 * example still compiles for Java 17.
 *
 * @param scheduler   where blocking calls run
 * @param description which threads, for the log and {@code /admin/stats}
 */
record BlockingThreads(Scheduler scheduler, String description) {

    /** @return whether this JVM has virtual threads */
    static boolean virtualAvailable() {
        return virtualFactory() != null;
    }

    /**
     * @return a scheduler starting a virtual thread per task
     * @throws IllegalStateException on a JVM without virtual threads (before Java 21)
     */
    static BlockingThreads virtual() {
        Method factory = virtualFactory();
        if (factory == null) {
            throw new IllegalStateException("This JVM (Java " + Runtime.version().feature() + ") has no virtual threads: "
                    + "run on Java 21 or later, or use platform threads");
        }
        ExecutorService executor;
        try {
            executor = (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start virtual threads: " + e, e);
        }
        return new BlockingThreads(Schedulers.fromExecutorService(executor, "virtual"),
                "virtual threads (Java " + Runtime.version().feature() + ")");
    }

    /**
     * @param threads the most threads running JDBC calls at once; further calls queue
     * @return a bounded pool of platform threads
     */
    static BlockingThreads platform(int threads) {
        return new BlockingThreads(Schedulers.newBoundedElastic(threads, Integer.MAX_VALUE, "blocking-session"),
                threads + " platform threads (Java " + Runtime.version().feature() + ")");
    }

    private static Method virtualFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException beforeJava21) {
            return null;
        }
    }
}
