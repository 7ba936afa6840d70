package io.retort.migrate;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.model.TableModel;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.schema.SchemaTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.retort.migrate.Operations.column;
import static io.retort.migrate.Operations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration workflow end to end on H2 and PostgreSQL: autogenerate from an empty database, compile the
 * generated source, upgrade, change the metadata, autogenerate again, upgrade, find nothing more; downgrade to base
 * and upgrade again; a failing revision; two processes upgrading at once; offline SQL.
 */
class MigrationsIT {
    private final List<Engine> engines = new ArrayList<>();
    private DatabaseUnderTest.Isolated db;
    @TempDir
    Path source;
    @TempDir
    Path classes;

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    private Engine start(Dialect dialect) {
        db = DatabaseUnderTest.of(dialect).create("mig");
        return engine();
    }

    private Engine engine() {
        Engine engine = Engine.create(db.engineUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(3).withMinIdle(0)
                .withApplicationName(db.name()));
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void close() {
        engines.forEach(Engine::close);
        if (db != null) {
            DatabaseUnderTest.of(engines.get(0).dialect()).drop(db);
        }
    }

    /** Compiles generated revision sources against the test class path and loads them. */
    private List<Revision> compile(List<Path> files) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as("the generated source compiles: %s", errors).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader());
        List<Revision> out = new ArrayList<>();
        for (Path f : files) {
            String name = "gen." + f.getFileName().toString().replace(".java", "");
            out.add((Revision) loader.loadClass(name).getDeclaredConstructor().newInstance());
        }
        return out;
    }

    private static boolean holds(Engine engine, String table) {
        return engine.inspect().tables().stream().map(TableModel::name).anyMatch(table::equals);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void autogenerateUpgradeChangeAutogenerateAgainUpgradeAndFindNothing(Dialect dialect) throws Exception {
        Engine engine = start(dialect);
        Path first = new Migrator(engine, List.of()).revision("authors", SchemaTables.V1, source, "gen");
        List<Revision> revisions = new ArrayList<>(compile(List.of(first)));
        Migrator migrator = new Migrator(engine, revisions);
        assertThat(migrator.upgrade("head")).containsExactlyElementsOf(revisions);
        assertThat(migrator.current()).containsExactly(revisions.get(0).id());
        assertThat(migrator.compare(SchemaTables.V1).changes()).as("at head, nothing to do").isEmpty();

        assertThat(migrator.compare(SchemaTables.V1_RENAMED).changes()).extracting(SchemaChange::describe)
                .as("renamedFrom makes it a rename").containsExactly("rename column mig_authors.nick to handle");
        Migrator offline = Migrator.offline(dialect, revisions);
        assertThat(offline.compareWithSnapshot(SchemaTables.V1).changes()).as("the snapshot is what was declared").isEmpty();
        // the same changes; the type a column has now is spelled as declared offline, as reflected online
        java.util.function.Function<SchemaChange, String> what = c -> c.describe().replaceAll("type .* -> ", "type ... -> ");
        assertThat(offline.compareWithSnapshot(SchemaTables.V2).changes()).extracting(what)
                .as("offline autogenerate finds what autogenerate against the database finds")
                .containsExactlyInAnyOrderElementsOf(migrator.compare(SchemaTables.V2).changes().stream().map(what).toList());

        Path second = migrator.revision("email, books", SchemaTables.V2, source, "gen");
        String code = Files.readString(second);
        assertThat(code).contains("op.addColumn(\"mig_authors\", column(\"email\"")
                .contains("op.dropColumn(\"mig_authors\", \"nick\")")
                .contains("op.createIndex(\"mig_authors\", \"ix_mig_authors_email\", false, \"email\")")
                .contains("op.createTable(table(\"mig_books\")")
                .contains("op.alterColumn(\"mig_authors\"")
                .contains(dialect.supports(Capability.NATIVE_ENUM_TYPE) ? "op.createEnumType(\"mig_mood\", \"HAPPY\", \"SAD\")"
                        : "column(\"mood\", \"ENUM('HAPPY', 'SAD')\")")
                .contains(", \"" + revisions.get(0).id() + "\");");
        revisions.addAll(compile(List.of(first, second)).subList(1, 2));
        migrator = new Migrator(engine, revisions);
        assertThat(migrator.upgrade("head")).containsExactly(revisions.get(1));
        assertThat(migrator.compare(SchemaTables.V2).changes()).as("autogenerate once more").isEmpty();
        assertThat(migrator.upgrade("head")).as("already at head").isEmpty();

        assertThat(migrator.downgrade("base")).containsExactly(revisions.get(1), revisions.get(0));
        assertThat(migrator.current()).isEmpty();
        assertThat(holds(engine, "mig_authors") || holds(engine, "mig_books")).as("an empty schema").isFalse();
        assertThat(migrator.upgrade("+1")).containsExactly(revisions.get(0));
        assertThat(migrator.upgrade("head")).containsExactly(revisions.get(1));
        assertThat(migrator.downgrade("-1")).containsExactly(revisions.get(1));
        assertThat(migrator.compare(SchemaTables.V1).changes()).as("back at the first revision").isEmpty();
    }

    /** A hand-written revision whose second step fails. */
    public static final class Breaks extends Revision {
        public Breaks() {
            super("breaks", "fails half way");
        }

        @Override
        public void upgrade(Operations op) {
            op.createTable(table("mig_half").column(column("id", "BIGINT").notNull()).primaryKey("pk_mig_half", "id"));
            op.execute("INSERT INTO mig_no_such_table VALUES (1)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("mig_half");
        }
    }

    /** A hand-written first revision. */
    public static final class Base extends Revision {
        public Base() {
            super("base1", "a table");
        }

        @Override
        public void upgrade(Operations op) {
            op.createTable(table("mig_base").column(column("id", "BIGINT").notNull()).primaryKey("pk_mig_base", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("mig_base");
        }
    }

    /** Follows {@link Base}. */
    public static final class Second extends Revision {
        public Second() {
            super("second1", "a column", "base1");
        }

        @Override
        public void upgrade(Operations op) {
            op.addColumn("mig_base", column("note", "VARCHAR(20)").withDefault("'x'"));
            op.execute(io.retort.Sql.text("UPDATE mig_base SET note = :note WHERE id > 0").bind("note", "data step"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("mig_base", "note");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aFailingRevisionKeepsTheVersionTableAndOnTransactionalDdlTheSchemaAsTheyWere(Dialect dialect) {
        Engine engine = start(dialect);
        Revision base = new Base();
        Revision breaks = new Revision("breaks", "fails half way", "base1") {
            @Override
            public void upgrade(Operations op) {
                new Breaks().upgrade(op);
            }

            @Override
            public void downgrade(Operations op) {
                new Breaks().downgrade(op);
            }
        };
        Migrator migrator = new Migrator(engine, List.of(base, breaks));
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("breaks")
                .satisfies(e -> assertThat(e.getMessage()).contains(dialect.supports(Capability.TRANSACTIONAL_DDL)
                        ? "nothing of it was kept" : "stay applied"));
        assertThat(migrator.current()).as("the revision before it stays applied").containsExactly("base1");
        assertThat(holds(engine, "mig_half")).as("its first step kept only where DDL commits as it runs")
                .isEqualTo(!dialect.supports(Capability.TRANSACTIONAL_DDL));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void twoProcessesUpgradingAtOnceApplyEachRevisionOnce(Dialect dialect) {
        start(dialect);
        Engine one = engine();
        Engine two = engine();
        for (int round = 0; round < 5; round++) {
            CompletableFuture<List<Revision>> a = CompletableFuture.supplyAsync(
                    () -> new Migrator(one, List.of(new Base(), new Second())).upgrade("head"));
            CompletableFuture<List<Revision>> b = CompletableFuture.supplyAsync(
                    () -> new Migrator(two, List.of(new Base(), new Second())).upgrade("head"));
            List<Revision> applied = new ArrayList<>(a.join());
            applied.addAll(b.join());
            assertThat(applied).extracting(Revision::id).as("round %d", round).containsExactlyInAnyOrder("base1", "second1");
            assertThat(new Migrator(one, List.of(new Base(), new Second())).current()).containsExactly("second1");
            new Migrator(one, List.of(new Base(), new Second())).downgrade("base");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void plainSqlRevisionsAreFoundBesideJavaOnesAndRunBothWays(Dialect dialect) throws Exception {
        Engine engine = start(dialect);
        Path dir = Files.createDirectories(classes.resolve("sqlrev"));
        Files.writeString(dir.resolve("first.sql"), """
                -- revision: sql1
                -- message: a table in SQL
                -- upgrade
                CREATE TABLE mig_sql (id INTEGER NOT NULL,
                    note VARCHAR(10) DEFAULT 'a;b', CONSTRAINT pk_mig_sql PRIMARY KEY (id));
                INSERT INTO mig_sql (id) VALUES (1);
                -- downgrade
                DROP TABLE mig_sql;
                """);
        Files.writeString(dir.resolve("second.sql"), """
                -- revision: sql2
                -- follows: sql1
                -- message: a column
                -- upgrade
                ALTER TABLE mig_sql ADD COLUMN extra INTEGER;
                -- downgrade
                ALTER TABLE mig_sql DROP COLUMN extra;
                """);
        List<Revision> found = RevisionScanner.scan("sqlrev", new URLClassLoader(new URL[]{classes.toUri().toURL()}, null));
        assertThat(found).extracting(Revision::id).containsExactlyInAnyOrder("sql1", "sql2");
        Migrator migrator = new Migrator(engine, found);
        assertThat(migrator.upgrade("head")).extracting(Revision::id).containsExactly("sql1", "sql2");
        assertThat(engine.inspect().table(null, "mig_sql").column("extra")).isNotNull();
        assertThat(migrator.downgrade("base")).extracting(Revision::id).containsExactly("sql2", "sql1");
        assertThat(holds(engine, "mig_sql")).isFalse();
        assertThatThrownBy(() -> SqlRevision.parse("broken.sql", "-- upgrade\nSELECT 1;\n"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("-- revision: <id>");
    }

    /** @return false when psql is not installed; fails the test when psql refuses the script */
    private boolean psqlRuns(String script) throws Exception {
        Path file = Files.writeString(source.resolve("upgrade.sql"), script);
        ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U",
                "postgres", "-d", "test", "-f", file.toString()).redirectErrorStream(true);
        psql.environment().put("PGOPTIONS", "-c search_path=" + db.name());
        Process p;
        try {
            p = psql.start();
        } catch (java.io.IOException notInstalled) {
            return false;
        }
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("psql: %s", output).isZero();
        return true;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theDatabaseLockAloneKeepsConcurrentRunsApart(Dialect dialect) {
        start(dialect);
        Engine one = engine();
        Engine two = engine();
        for (int round = 0; round < 5; round++) {
            CompletableFuture<List<Revision>> a = CompletableFuture.supplyAsync(
                    () -> new Migrator(one, List.of(new Base(), new Second())).withoutProcessLock().upgrade("head"));
            CompletableFuture<List<Revision>> b = CompletableFuture.supplyAsync(
                    () -> new Migrator(two, List.of(new Base(), new Second())).withoutProcessLock().upgrade("head"));
            List<Revision> applied = new ArrayList<>(a.join());
            applied.addAll(b.join());
            assertThat(applied).extracting(Revision::id).as("round %d: the advisory lock, or the lock row", round)
                    .containsExactlyInAnyOrder("base1", "second1");
            new Migrator(one, List.of(new Base(), new Second())).downgrade("base");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void offlineSqlIsTheScriptAnUpgradeRunsAndStampRecordsWithoutRunning(Dialect dialect) throws Exception {
        Engine engine = start(dialect);
        Migrator migrator = new Migrator(engine, List.of(new Base(), new Second()));
        String script = migrator.upgradeSql("base", "head");
        assertThat(script).contains("CREATE TABLE mig_base").contains("ALTER TABLE mig_base ADD COLUMN note VARCHAR(20) DEFAULT 'x'")
                .contains("INSERT INTO retort_version (version_num) VALUES ('second1')")
                .contains("UPDATE mig_base SET note = 'data step' WHERE id > 0");
        // on PostgreSQL the script goes through psql unchanged, as a DBA would run it
        boolean viaPsql = dialect.equals(io.retort.dialect.Dialects.POSTGRES) && psqlRuns(script);
        if (!viaPsql) {
            try (io.retort.jdbc.Connection c = engine.connect()) {
                for (String statement : script.split(";\n")) {
                    String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y).trim();
                    if (!sql.isEmpty()) {
                        c.execute(io.retort.Sql.text(sql));
                    }
                }
            }
        }
        assertThat(migrator.current()).as("the script recorded its revisions").containsExactly("second1");
        assertThat(migrator.upgrade("head")).isEmpty();

        migrator.stamp("base1");
        assertThat(migrator.current()).containsExactly("base1");
        assertThat(holds(engine, "mig_base")).as("stamp runs nothing").isTrue();
        assertThat(migrator.history().head().id()).isEqualTo("second1");
        assertThat(new SchemaChange.AddColumn(null, "t", column("c", "INTEGER")).reverse())
                .isInstanceOf(SchemaChange.DropColumn.class);
    }
}
