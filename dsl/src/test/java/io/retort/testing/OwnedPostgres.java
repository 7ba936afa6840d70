package io.retort.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster the tests own, for faults the shared server must never see (a restart) and for settings
 * it does not have (TLS with a certificate authority of the test's own): {@code initdb} into a temporary
 * directory, its own port on 127.0.0.1, stopped and removed when the JVM exits. PostgreSQL refuses to run as
 * root, so as root the commands run as the {@code postgres} user ({@code runuser}). The server's binaries are
 * found in {@code RETORT_PG_BIN} or the newest {@code /usr/lib/postgresql/<version>/bin}; where there are none,
 * {@link #available()} says so and the tests that need it are skipped.
 */
public final class OwnedPostgres implements OwnedServer {
    private static OwnedPostgres started;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private OwnedPostgres(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** @return whether a cluster can be made here */
    public static boolean available() {
        return binaries() != null;
    }

    /**
     * @return the cluster, made and started on first use (with TLS on, by a certificate for {@code localhost} that
     *         {@link #caCertificate()} signed)
     */
    public static synchronized OwnedPostgres get() {
        if (started == null) {
            Path bin = binaries();
            if (bin == null) {
                throw new IllegalStateException("No PostgreSQL server binaries: set RETORT_PG_BIN to the directory of initdb");
            }
            try {
                Path dir = Files.createTempDirectory("retort-pg-");
                boolean root = "root".equals(System.getProperty("user.name"));
                OwnedPostgres pg = new OwnedPostgres(bin, dir, freePort(), root);
                pg.create();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::destroy, "retort-owned-postgres-stop"));
                pg.start();
                started = pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return started;
    }

    /** @return its port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the certificate of the authority that signed the server's certificate (PEM) */
    public Path caCertificate() {
        return dir.resolve("tls/ca.crt");
    }

    /** @return a JDBC URL of its {@code postgres} database, without TLS parameters */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** @return an R2DBC URL of its {@code postgres} database, without TLS parameters */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    @Override
    public DatabaseUnderTest.Isolated create(String prefix) {
        String schema = "retort_" + prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema);
        return new DatabaseUnderTest.Isolated(schema, jdbcUrl() + "&currentSchema=" + schema,
                jdbcUrl() + "&currentSchema=" + schema + "&ApplicationName=" + schema, r2dbcUrl() + "?schema=" + schema);
    }

    @Override
    public DatabaseUnderTest.Isolated verifiedTls(DatabaseUnderTest.Isolated db, boolean matching) {
        String host = matching ? "localhost" : "127.0.0.1";
        String ca = caCertificate().toString();
        return new DatabaseUnderTest.Isolated(db.name(), db.jdbcUrl(),
                db.engineUrl().replace("//127.0.0.1:", "//" + host + ":") + "&sslmode=verify-full&sslrootcert=" + ca,
                db.asyncEngineUrl().replace("@127.0.0.1:", "@" + host + ":") + "&sslMode=verify-full&sslRootCert=" + ca);
    }

    @Override
    public long runningStatements(String applicationName, String queryPrefix) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + applicationName
                + "' AND state = 'active' AND query LIKE '" + queryPrefix.replace("'", "''") + "%'");
    }

    @Override
    public long encryptedBackends(String applicationName) {
        return count("SELECT count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s ON s.pid = a.pid WHERE s.ssl "
                + "AND a.application_name = '" + applicationName + "'");
    }

    private void admin(String sql) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl()); var st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private long count(String sql) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl()); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Restarts the server as an operator would ({@code pg_ctl restart -m fast}), waiting until it accepts connections. */
    @Override
    public void restart() {
        run(Duration.ofSeconds(60), pgCtl("restart", "-m", "fast", "-w", "-t", "60", "-l", dir.resolve("log").toString(),
                "-o", serverOptions()));
    }

    /** @return whether the server accepts connections now ({@code pg_isready}) */
    @Override
    public boolean ready() {
        try {
            Process p = new ProcessBuilder(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-q").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void create() throws IOException {
        if (asRoot) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(Duration.ofSeconds(60), as(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync", "-E", "UTF8"));
        makeCertificates();
    }

    private void start() {
        run(Duration.ofSeconds(60), pgCtl("start", "-w", "-t", "60", "-l", dir.resolve("log").toString(), "-o", serverOptions()));
    }

    private String serverOptions() {
        Path tls = dir.resolve("tls");
        return "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c ssl=on"
                + " -c ssl_cert_file=" + tls.resolve("server.crt") + " -c ssl_key_file=" + tls.resolve("server.key");
    }

    /** A CA of the test's own, and a server certificate for localhost only (not 127.0.0.1), signed by it. */
    private void makeCertificates() throws IOException {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        String ca = tls.resolve("ca").toString();
        String server = tls.resolve("server").toString();
        run(Duration.ofSeconds(60), List.of("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-newkey", "rsa:2048",
                "-subj", "/CN=Retort test CA", "-keyout", ca + ".key", "-out", ca + ".crt"));
        run(Duration.ofSeconds(60), List.of("openssl", "req", "-new", "-nodes", "-newkey", "rsa:2048", "-subj", "/CN=localhost",
                "-keyout", server + ".key", "-out", server + ".csr"));
        Path ext = tls.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=DNS:localhost\n");
        run(Duration.ofSeconds(60), List.of("openssl", "x509", "-req", "-in", server + ".csr", "-CA", ca + ".crt", "-CAkey",
                ca + ".key", "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", server + ".crt"));
        Files.setPosixFilePermissions(tls.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        if (asRoot) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            try (Stream<Path> files = Files.walk(tls)) {
                for (Path f : files.toList()) {
                    Files.setOwner(f, postgres);
                }
            }
        }
    }

    private void destroy() {
        try {
            run(Duration.ofSeconds(30), pgCtl("stop", "-m", "immediate", "-w"));
        } catch (RuntimeException ignored) {
            // stopping at exit: the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is no failure of a test
        }
    }

    private List<String> pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        return as(command.toArray(new String[0]));
    }

    private List<String> as(String... command) {
        List<String> out = new ArrayList<>();
        if (asRoot) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private void run(Duration limit, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static Path binaries() {
        String given = System.getenv("RETORT_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Files.isExecutable(Path.of(given, "initdb")) ? Path.of(given) : null;
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
