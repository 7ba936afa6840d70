package io.retort.examples.web;

import java.util.Locale;

/**
 * How to start the web service: {@code WebServiceMain}'s command line, or a test's choice.
 *
 * @param host             the address to listen on
 * @param port             the port, 0 for any free one
 * @param url              the database: {@code h2:mem:web}, {@code postgresql://user:password@host:5432/db}, or
 *                         an {@code r2dbc:} URL (reactive) / {@code jdbc:} URL (blocking)
 * @param blocking         the blocking {@code Session} instead of {@code AsyncSession}
 * @param threads          with {@code blocking}: {@code virtual}, {@code platform}, or {@code auto} (virtual where
 *                         the JVM has them)
 * @param platformThreads  the size of the platform-thread pool
 * @param poolSize         database connections at most
 * @param seedUsers        sample users to write into an empty table
 * @param applicationName  the name the database sees (PostgreSQL's {@code application_name})
 * @param echo             print every statement
 * @param validateRemotely reactive: check each borrowed connection with a round trip (Retort's default), or only
 *                         locally ({@code AsyncEngineOptions.withRemoteValidation(false)})
 */
record WebServiceOptions(String host, int port, String url, boolean blocking, String threads, int platformThreads,
                         int poolSize, int seedUsers, String applicationName, boolean echo, boolean validateRemotely) {

    static final WebServiceOptions DEFAULTS = new WebServiceOptions("127.0.0.1", 8080, "h2:mem:web", false, "auto",
            64, 10, 1_000, "retort-web", false, true);

    static final String USAGE = """
            options:
              --port N             port to listen on (8080; 0 for any free port)
              --host ADDRESS       address to listen on (127.0.0.1)
              --url URL            database (h2:mem:web, embedded); postgresql://user:password@host:5432/db for
                                   PostgreSQL; or an r2dbc: URL (reactive) / jdbc: URL (--blocking)
              --blocking           serve with the blocking Session instead of AsyncSession
              --threads KIND       with --blocking: virtual, platform or auto (virtual on Java 21+)
              --platform-threads N size of the platform-thread pool (64)
              --pool-size N        database connections at most (10)
              --seed N             sample users written into an empty table (1000)
              --app-name NAME      application_name on PostgreSQL (retort-web)
              --echo               print every SQL statement
              --local-validation   reactive: no round trip to check each borrowed connection
              --help               this list
            """;

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    static WebServiceOptions parse(String... args) {
        WebServiceOptions d = DEFAULTS;
        String host = d.host;
        int port = d.port;
        String url = d.url;
        boolean blocking = d.blocking;
        String threads = d.threads;
        int platformThreads = d.platformThreads;
        int poolSize = d.poolSize;
        int seedUsers = d.seedUsers;
        String applicationName = d.applicationName;
        boolean echo = d.echo;
        boolean validateRemotely = d.validateRemotely;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--blocking" -> blocking = true;
                case "--echo" -> echo = true;
                case "--local-validation" -> validateRemotely = false;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Unknown option or missing value: " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--port" -> port = number(option, value, 0, 65535);
                        case "--host" -> host = value;
                        case "--url" -> url = value;
                        case "--threads" -> threads = threadKind(value);
                        case "--platform-threads" -> platformThreads = number(option, value, 1, 10_000);
                        case "--pool-size" -> poolSize = number(option, value, 1, 1_000);
                        case "--seed" -> seedUsers = number(option, value, 0, 10_000_000);
                        case "--app-name" -> applicationName = value;
                        default -> throw new IllegalArgumentException("Unknown option: " + option);
                    }
                }
            }
        }
        return new WebServiceOptions(host, port, url, blocking, threads, platformThreads, poolSize, seedUsers,
                applicationName, echo, validateRemotely);
    }

    WebServiceOptions withPort(int p) {
        return new WebServiceOptions(host, p, url, blocking, threads, platformThreads, poolSize, seedUsers,
                applicationName, echo, validateRemotely);
    }

    WebServiceOptions withUrl(String u) {
        return new WebServiceOptions(host, port, u, blocking, threads, platformThreads, poolSize, seedUsers,
                applicationName, echo, validateRemotely);
    }

    WebServiceOptions withBlocking(boolean b) {
        return new WebServiceOptions(host, port, url, b, threads, platformThreads, poolSize, seedUsers,
                applicationName, echo, validateRemotely);
    }

    WebServiceOptions withSeedUsers(int n) {
        return new WebServiceOptions(host, port, url, blocking, threads, platformThreads, poolSize, n,
                applicationName, echo, validateRemotely);
    }

    WebServiceOptions withApplicationName(String name) {
        return new WebServiceOptions(host, port, url, blocking, threads, platformThreads, poolSize, seedUsers,
                name, echo, validateRemotely);
    }

    /** @return the threads the blocking variant runs on */
    BlockingThreads blockingThreads() {
        boolean virtual = threads.equals("virtual") || threads.equals("auto") && BlockingThreads.virtualAvailable();
        return virtual ? BlockingThreads.virtual() : BlockingThreads.platform(platformThreads);
    }

    private static String threadKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!k.equals("virtual") && !k.equals("platform") && !k.equals("auto")) {
            throw new IllegalArgumentException("--threads takes virtual, platform or auto, not " + kind);
        }
        return k;
    }

    private static int number(String option, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }
}
