package io.retort.migrate;

import io.retort.compile.Dialect;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.tools.ToolProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line program as a user runs it, on H2 and PostgreSQL: init, revision --autogenerate, (compile),
 * upgrade, current, check, offline SQL, history, heads, downgrade, and the errors a user meets.
 */
class MigrationsCommandIT {
    @TempDir
    Path dir;
    private DatabaseUnderTest.Isolated db;
    private Dialect dialect;
    private final ClassLoader original = Thread.currentThread().getContextClassLoader();

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @AfterEach
    void drop() {
        Thread.currentThread().setContextClassLoader(original);
        if (db != null) {
            DatabaseUnderTest.of(dialect).drop(db);
        }
    }

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("--help")) {
            all.add("--config");
            all.add(dir.resolve("migrations.properties").toString());
        }
        int status = MigrationsCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString());
    }

    /** What the user's build does between revision and upgrade: compile the revisions with the application. */
    private void compileRevisions() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(dir.resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[]{classes.toUri().toURL()}, original));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theTutorialsMigrationStepFromTheCommandLine(Dialect dialect) throws Exception {
        this.dialect = dialect;
        db = DatabaseUnderTest.of(dialect).create("cli");
        String v1 = "io.retort.testing.schema.SchemaTables#V1";
        Outcome init = run("init", "--url", db.engineUrl(), "--revisions", "app.migrations", "--metadata", v1,
                "--source", dir.resolve("src").toString());
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(dir.resolve("src/app/migrations/package-info.java")).exists();
        assertThat(run("init").status()).as("init twice").isEqualTo(2);

        assertThat(run("current").out().trim()).isEqualTo("base");
        Outcome revision = run("revision", "--autogenerate", "-m", "create authors");
        assertThat(revision.status()).as(revision.err()).isZero();
        assertThat(revision.out()).contains("Wrote").contains(".java");
        compileRevisions();

        Outcome upgrade = run("upgrade", "head");
        assertThat(upgrade.status()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("Upgraded to").contains("create authors");
        String id = run("current").out().trim();
        assertThat(id).hasSize(12);
        assertThat(run("heads").out()).contains(id + " (create authors) (head)");
        assertThat(run("history").out()).contains("<base> -> " + id + " (head), create authors");
        assertThat(run("check").status()).as("the database matches V1").isZero();
        assertThat(run("check", "--offline").out()).contains("the head revision's snapshot matches");
        assertThat(run("check", "--offline", "--metadata", "io.retort.testing.schema.SchemaTables#V2").status())
                .as("offline: V2 differs from the snapshot of V1").isEqualTo(1);
        Outcome differs = run("check", "--metadata", "io.retort.testing.schema.SchemaTables#V2");
        assertThat(differs.status()).isEqualTo(1);
        assertThat(differs.out()).contains("create table mig_books").contains("run revision --autogenerate");

        Outcome offline = run("upgrade", "--sql");
        assertThat(offline.out()).contains("CREATE TABLE mig_authors").contains("INSERT INTO retort_version");

        assertThat(run("downgrade", "base").out()).contains("Downgraded from " + id);
        assertThat(run("current").out().trim()).isEqualTo("base");

        Outcome unknown = run("upgrade", "nope");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("No revision nope");
        Outcome badUrl = run("current", "--url", "nosuchdb://x");
        assertThat(badUrl.status()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("error: ");
        assertThat(run("--help").out()).contains("upgrade").contains("autogenerate").doesNotContain("error");
    }
}
