package io.retort.migrate;

import io.retort.Sql;
import io.retort.compile.Capability;
import io.retort.compile.Compiler;
import io.retort.compile.DeclaredSchema;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.compile.SchemaChangeRenderer;
import io.retort.engine.Row;
import io.retort.jdbc.Connection;
import io.retort.jdbc.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.change.SchemaDiff;
import io.retort.schema.model.SchemaModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a schema's revisions against a database (Alembic's {@code command} module, from Java): {@code upgrade},
 * {@code downgrade}, {@code current}, {@code stamp}, offline SQL, and the comparison behind autogenerate and
 * {@code check}. The applied revisions are rows of a version table ({@value #DEFAULT_VERSION_TABLE} unless named
 * otherwise), one per applied head.
 *
 * <p>Each revision runs in its own transaction with the version table's update, so on PostgreSQL a revision that
 * fails leaves the schema and the version table as they were (the revisions before it in the same run stay
 * applied). Two processes upgrading at once take turns on a transaction-scoped lock (PostgreSQL's advisory lock;
 * within one process elsewhere), and each re-reads the version table under it, so every revision is applied once.
 * On a database whose DDL is not transactional (H2) a failing revision's earlier steps stay done; the error says
 * which steps ran, and the version table still names the revision before it.
 */
public final class Migrator {
    /** The version table's default name. */
    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    private static final Logger log = LoggerFactory.getLogger(Migrator.class);
    private static final ConcurrentHashMap<Object, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final @Nullable Engine engine;
    private final Dialect dialect;
    private final RevisionHistory history;
    private final String versionTable;
    /** Off only in tests, to prove the database lock alone keeps concurrent runs apart. */
    private boolean processLocks = true;

    /**
     * @param engine    the database
     * @param revisions every revision of the schema
     * @throws MigrationException when their history is broken (duplicate id, missing parent, cycle)
     */
    public Migrator(Engine engine, Collection<? extends Revision> revisions) {
        this(engine, revisions, DEFAULT_VERSION_TABLE);
    }

    /**
     * @param engine       the database
     * @param revisions    every revision of the schema
     * @param versionTable the version table's name
     */
    public Migrator(Engine engine, Collection<? extends Revision> revisions, String versionTable) {
        this(Objects.requireNonNull(engine, "engine"), engine.dialect(), revisions, versionTable);
    }

    private Migrator(@Nullable Engine engine, Dialect dialect, Collection<? extends Revision> revisions, String versionTable) {
        this.engine = engine;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.history = new RevisionHistory(revisions);
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
    }

    /**
     * A migrator without a database, for what works from the revisions alone: autogenerate against the head
     * revision's snapshot, offline {@code check}, offline SQL, history.
     *
     * @param dialect   the database the revisions are for
     * @param revisions every revision of the schema
     * @return the migrator
     */
    public static Migrator offline(Dialect dialect, Collection<? extends Revision> revisions) {
        return new Migrator(null, dialect, revisions, DEFAULT_VERSION_TABLE);
    }

    /** @return this migrator, relying on the database's lock alone (tests of that lock) */
    Migrator withoutProcessLock() {
        processLocks = false;
        return this;
    }

    private Engine engine() {
        if (engine == null) {
            throw new MigrationException("This command needs the database; this migrator works offline (give a URL)");
        }
        return engine;
    }

    /** @return the revision history */
    public RevisionHistory history() {
        return history;
    }

    /** @return the ids the version table holds: the applied heads, none before the first upgrade */
    public List<String> current() {
        try (Connection c = engine().connect()) {
            return versionTableExists(c) ? current(c) : List.of();
        }
    }

    /**
     * Applies what lies between the applied revisions and {@code target}.
     *
     * @param target {@code head}, {@code heads}, {@code +N} (the next N), or a revision id or unique prefix
     * @return the revisions applied, in order
     * @throws MigrationException for an unknown target, several heads for {@code head}, or a failed revision
     */
    public List<Revision> upgrade(String target) {
        List<Revision> applied = new ArrayList<>();
        for (Revision r : plannedUpgrade(current(), target)) {
            if (runOne(r, true)) {
                applied.add(r);
            }
        }
        return applied;
    }

    /**
     * Undoes applied revisions back to {@code target}.
     *
     * @param target {@code -N} (the last N), {@code base} (all), or a revision id or unique prefix to go back to
     * @return the revisions undone, in order
     */
    public List<Revision> downgrade(String target) {
        List<Revision> undone = new ArrayList<>();
        for (Revision r : plannedDowngrade(current(), target)) {
            if (runOne(r, false)) {
                undone.add(r);
            }
        }
        return undone;
    }

    /**
     * Records {@code target} as applied without running anything (for a database built another way).
     *
     * @param target a revision id, {@code head}, or {@code base} for none
     */
    public void stamp(String target) {
        engine().inTransaction(c -> {
            ensureVersionTable(c);
            c.execute(Sql.text("DELETE FROM " + table()));
            if (!target.equals("base")) {
                insertVersion(c, resolve(target).id());
            }
            return null;
        });
    }

    /**
     * The SQL an upgrade would run, without running it (offline mode): each revision's statements and the version
     * table's updates, as a script for {@code psql} or a DBA.
     *
     * @param from   the applied revision to start from, or {@code base}
     * @param target as for {@link #upgrade}
     * @return the script
     */
    public String upgradeSql(String from, String target) {
        List<String> applied = from.equals("base") ? List.of() : List.of(resolve(from).id());
        StringBuilder script = new StringBuilder();
        script.append(createVersionTableSql()).append(";\n");
        List<String> heads = new ArrayList<>(applied);
        for (Revision r : plannedUpgrade(applied, target)) {
            script.append("\n-- ").append(r.id()).append(": ").append(r.message()).append('\n');
            for (String sql : sqlOf(r, true)) {
                script.append(sql).append(";\n");
            }
            for (String p : r.parents()) {
                if (heads.remove(p)) {
                    script.append("DELETE FROM ").append(table()).append(" WHERE version_num = ")
                            .append(dialect().stringLiteral(p)).append(";\n");
                }
            }
            heads.add(r.id());
            script.append("INSERT INTO ").append(table()).append(" (version_num) VALUES (")
                    .append(dialect().stringLiteral(r.id())).append(");\n");
        }
        return script.toString();
    }

    /**
     * Compares the application's metadata with the live database (autogenerate's question, and {@code check}'s).
     *
     * @param metadata the declared schema
     * @param schemas  schemas to compare besides the default one (those the metadata declares are added)
     * @return the changes that would make the database match the metadata, and what a person must decide
     */
    public SchemaDiff.Result compare(MetaData metadata, String... schemas) {
        SchemaModel declared = DeclaredSchema.of(metadata, dialect());
        Set<String> names = new LinkedHashSet<>();
        names.add(null);
        for (var t : metadata.tables()) {
            if (t.schema() != null) {
                names.add(t.schema());
            }
        }
        names.addAll(List.of(schemas));
        return SchemaDiff.compare(declared, engine().inspect(names.toArray(String[]::new)), Set.of(versionTable, versionTable + "_lock"),
                renames(metadata), dialect().spelling());
    }

    /** @return the {@code renamedFrom} hints of the metadata's columns, by {@code [schema.]table.column} */
    private static java.util.Map<String, String> renames(MetaData metadata) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var t : metadata.tables()) {
            String table = t.schema() == null ? t.name() : t.schema() + "." + t.name();
            t.renamedColumns().forEach((now, previous) -> out.put(table + "." + now, previous));
        }
        return out;
    }

    // ---- planning -----------------------------------------------------------------------------

    private List<Revision> plannedUpgrade(List<String> applied, String target) {
        if (target.startsWith("+")) {
            int n = count(target);
            List<Revision> path = history.upgradePath(applied, history.head().id());
            return path.subList(0, Math.min(n, path.size()));
        }
        if (target.equals("heads")) {
            List<Revision> out = new ArrayList<>();
            List<String> done = new ArrayList<>(applied);
            for (Revision head : history.heads()) {
                for (Revision r : history.upgradePath(done, head.id())) {
                    out.add(r);
                    done.add(r.id());
                }
            }
            return out;
        }
        return history.upgradePath(applied, resolve(target).id());
    }

    private List<Revision> plannedDowngrade(List<String> applied, String target) {
        if (target.startsWith("-")) {
            int n = count(target);
            List<Revision> path = history.downgradePath(applied, null);
            return path.subList(0, Math.min(n, path.size()));
        }
        if (target.equals("base")) {
            return history.downgradePath(applied, null);
        }
        return history.downgradePath(applied, resolve(target).id());
    }

    private Revision resolve(String target) {
        return target.equals("head") ? history.head() : history.get(target);
    }

    private static int count(String relative) {
        try {
            int n = Integer.parseInt(relative.substring(1));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new MigrationException("[" + relative + "] is not a step count: write +1, +2, ... or -1, -2, ...");
    }

    // ---- running ------------------------------------------------------------------------------

    /** @return whether it ran (false when another process had already done it) */
    private boolean runOne(Revision revision, boolean up) {
        ReentrantLock processLock = processLocks ? PROCESS_LOCKS.computeIfAbsent(List.of(engine().toString(), versionTable),
                k -> new ReentrantLock()) : new ReentrantLock();
        processLock.lock();
        try {
            String lock = dialect().transactionLockStatement(lockKey());
            if (lock != null) {
                return engine().inTransaction(c -> {
                    c.execute(Sql.text(lock));
                    return applyOne(c, revision, up);
                });
            }
            // no transaction-scoped lock: a row of a lock table, held by a transaction of its own meanwhile
            return underLockRow(() -> engine().inTransaction(c -> applyOne(c, revision, up)));
        } finally {
            processLock.unlock();
        }
    }

    private <T> T underLockRow(java.util.function.Supplier<T> work) {
        String lockTable = dialect().identifier(versionTable + "_lock");
        try (Connection guard = engine().connect()) {
            guard.execute(Sql.text("CREATE TABLE IF NOT EXISTS " + lockTable + " (id INTEGER NOT NULL, CONSTRAINT "
                    + dialect().identifier("pk_" + versionTable + "_lock") + " PRIMARY KEY (id))"));
            if (guard.execute(Sql.text("SELECT id FROM " + lockTable + " WHERE id = 1")).rows().isEmpty()) {
                try {
                    guard.execute(Sql.text("INSERT INTO " + lockTable + " (id) VALUES (1)"));
                } catch (io.retort.exception.IntegrityViolationException anotherRunInsertedIt) {
                    // the row is there: that is all that was wanted
                }
            }
            String wait = dialect().lockWaitStatement(java.time.Duration.ofMinutes(10));
            if (wait != null) {
                guard.execute(Sql.text(wait));
            }
            try {
                return guard.inTransaction(g -> {
                    g.execute(Sql.text("SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE"));
                    return work.get();
                });
            } finally {
                String reset = dialect().lockWaitReset();
                if (wait != null && reset != null) {
                    guard.execute(Sql.text(reset));   // the connection goes back to the pool
                }
            }
        }
    }

    /** Applies or undoes one revision on {@code c}, inside its transaction and the lock; false when already done. */
    private boolean applyOne(Connection c, Revision revision, boolean up) {
        {
            {
                ensureVersionTable(c);
                List<String> applied = current(c);
                Set<String> done = new java.util.HashSet<>();
                for (String a : applied) {
                    done.addAll(history.ancestorsOf(a));
                }
                if (done.contains(revision.id()) == up) {
                    return false;   // another run got there first
                }
                List<String> ran = new ArrayList<>();
                try {
                    runSteps(revision, up, c, ran);
                } catch (RuntimeException e) {
                    throw failed(revision, up, ran, e);
                }
                if (up) {
                    for (String p : revision.parents()) {
                        c.execute(Sql.text("DELETE FROM " + table() + " WHERE version_num = :v").bind("v", p));
                    }
                    insertVersion(c, revision.id());
                } else {
                    c.execute(Sql.text("DELETE FROM " + table() + " WHERE version_num = :v").bind("v", revision.id()));
                    for (String p : revision.parents()) {
                        insertVersion(c, p);
                    }
                }
                log.info("{} {}", up ? "Upgraded to" : "Downgraded from", revision);
                return true;
            }
        }
    }

    /** Runs the revision's steps on {@code c}, adding each statement to {@code ran} once it ran. */
    private void runSteps(Revision revision, boolean up, Connection c, List<String> ran) {
        SchemaChangeRenderer renderer = dialect().schemaChangeRenderer();
        for (MigrationStep step : steps(revision, up)) {
            if (step instanceof MigrationStep.Change change) {
                for (String sql : renderer.sql(change.change())) {
                    c.execute(Sql.text(sql));
                    ran.add(sql);
                }
            } else {
                MigrationStep.Data data = (MigrationStep.Data) step;
                c.execute(data.statement());
                ran.add(Compiler.of(dialect(), PlaceholderStyle.QUESTION_MARK).renderInline(data.statement()));
            }
        }
    }

    private List<String> sqlOf(Revision revision, boolean up) {
        List<String> out = new ArrayList<>();
        SchemaChangeRenderer renderer = dialect().schemaChangeRenderer();
        Compiler compiler = Compiler.of(dialect(), PlaceholderStyle.QUESTION_MARK);
        for (MigrationStep step : steps(revision, up)) {
            if (step instanceof MigrationStep.Change change) {
                out.addAll(renderer.sql(change.change()));
            } else {
                out.add(compiler.renderInline(((MigrationStep.Data) step).statement()));
            }
        }
        return out;
    }

    private static List<MigrationStep> steps(Revision revision, boolean up) {
        Operations op = new Operations();
        if (up) {
            revision.upgrade(op);
        } else {
            revision.downgrade(op);
        }
        return op.steps();
    }

    private MigrationException failed(Revision revision, boolean up, List<String> ran, RuntimeException cause) {
        String what = (up ? "Upgrade to " : "Downgrade from ") + revision + " failed";
        if (dialect().supports(Capability.TRANSACTIONAL_DDL) || ran.isEmpty()) {
            return new MigrationException(what + "; nothing of it was kept (its transaction rolled back) and the version "
                    + "table is as before: " + cause.getMessage(), cause);
        }
        return new MigrationException(what + ". " + dialect().name() + " commits DDL as it runs, so these "
                + ran.size() + " statements of it stay applied although the version table still names the revision "
                + "before it:\n  " + String.join(";\n  ", ran) + "\nUndo them by hand (or finish the revision by hand "
                + "and stamp it) before running again. Cause: " + cause.getMessage(), cause);
    }

    // ---- the version table --------------------------------------------------------------------

    private List<String> current(Connection c) {
        List<String> out = new ArrayList<>();
        for (Row row : c.execute(Sql.text("SELECT version_num FROM " + table() + " ORDER BY version_num")).rows()) {
            out.add((String) row.values().get(0));
        }
        return out;
    }

    /** Reads only the catalog's tables (two of the inspection's queries), so {@code current} stays quiet. */
    private boolean versionTableExists(Connection c) {
        io.retort.compile.SchemaInspection inspection = dialect().schemaInspection();
        if (inspection == null) {
            throw new MigrationException("The " + dialect().name() + " dialect cannot read its catalog");
        }
        List<String> schemas = java.util.Collections.singletonList(null);
        List<String> queries = inspection.queries(schemas);
        List<List<Object[]>> results = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            List<Object[]> rows = new ArrayList<>();
            if (i < 2) {
                for (Row row : c.execute(Sql.text(queries.get(i))).rows()) {
                    rows.add(row.values().toArray());
                }
            }
            results.add(rows);
        }
        return inspection.model(schemas, results).table(null, versionTable) != null;
    }

    private void ensureVersionTable(Connection c) {
        c.execute(Sql.text(createVersionTableSql()));
    }

    private String createVersionTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + table() + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
                + dialect().identifier("pk_" + versionTable) + " PRIMARY KEY (version_num))";
    }

    private void insertVersion(Connection c, String id) {
        c.execute(Sql.text("INSERT INTO " + table() + " (version_num) VALUES (:v)").bind("v", id));
    }

    private String table() {
        return dialect().identifier(versionTable);
    }

    private long lockKey() {
        return 0x5245_5452_0000_0000L | (versionTable.hashCode() & 0xffff_ffffL);
    }

    private Dialect dialect() {
        return dialect;
    }

    /**
     * Writes a new revision's source into the application's source tree (Alembic's {@code revision}): empty, or,
     * with {@code metadata}, what autogenerate finds between it and the database (which must be at head, so the
     * comparison is with what the history built).
     *
     * @param message     what it does
     * @param metadata    the application's schema for autogenerate, or {@code null} for an empty revision
     * @param sourceRoot  the source root ({@code src/main/java})
     * @param javaPackage the package the revisions live in
     * @return the file written
     * @throws MigrationException when the database is not at head (autogenerate), or the history has several heads
     */
    public java.nio.file.Path revision(String message, @Nullable MetaData metadata, java.nio.file.Path sourceRoot,
                                       String javaPackage) {
        List<String> parents = history.heads().isEmpty() ? List.of() : List.of(history.head().id());
        SchemaDiff.Result diff = new SchemaDiff.Result(List.of(), List.of());
        if (metadata != null) {
            List<String> applied = current();
            if (!new java.util.HashSet<>(applied).equals(new java.util.HashSet<>(parents))) {
                throw new MigrationException("The database is at " + (applied.isEmpty() ? "base" : applied)
                        + ", not at head " + (parents.isEmpty() ? "(base)" : parents) + ": upgrade it first, so that "
                        + "autogenerate compares the metadata with what the revisions built");
            }
            diff = compare(metadata);
        }
        return write(sourceRoot, javaPackage, newId(), message, parents, diff,
                metadata == null ? null : DeclaredSchema.of(metadata, dialect()));
    }

    /**
     * Autogenerate without a database: compares the metadata with the head revision's snapshot (the schema as
     * declared when that revision was written) and writes the difference as a new revision.
     *
     * @param message     what it does
     * @param metadata    the application's schema
     * @param sourceRoot  the source root
     * @param javaPackage the revisions' package
     * @return the file written
     */
    public java.nio.file.Path revisionOffline(String message, MetaData metadata, java.nio.file.Path sourceRoot,
                                              String javaPackage) {
        List<String> parents = history.heads().isEmpty() ? List.of() : List.of(history.head().id());
        return write(sourceRoot, javaPackage, newId(), message, parents, compareWithSnapshot(metadata),
                DeclaredSchema.of(metadata, dialect()));
    }

    /**
     * What autogenerate would find offline: the metadata against the head revision's snapshot.
     *
     * @param metadata the application's schema
     * @return the changes from the snapshot to the metadata; a question when revisions after the snapshot used
     *         carry none (their changes are not known offline)
     */
    public SchemaDiff.Result compareWithSnapshot(MetaData metadata) {
        SchemaModel declared = DeclaredSchema.of(metadata, dialect());
        List<String> questions = new ArrayList<>();
        SchemaModel before = SchemaModel.empty();
        if (!history.heads().isEmpty()) {
            List<Revision> newestFirst = new ArrayList<>(history.all());
            java.util.Collections.reverse(newestFirst);
            Set<String> ancestors = history.ancestorsOf(history.head().id());
            List<String> without = new ArrayList<>();
            for (Revision r : newestFirst) {
                if (!ancestors.contains(r.id())) {
                    continue;
                }
                if (r.snapshot() != null) {
                    before = r.snapshot();
                    break;
                }
                without.add(r.id());
            }
            if (!without.isEmpty()) {
                questions.add("The revisions " + without + " carry no snapshot (written by hand): what they change is "
                        + "not known offline, so the changes below may repeat or miss some of it; check them, or "
                        + "autogenerate against the database");
            }
        }
        SchemaDiff.Result diff = SchemaDiff.compare(declared, before, Set.of(versionTable, versionTable + "_lock"), renames(metadata),
                dialect().spelling());
        questions.addAll(diff.questions());
        return new SchemaDiff.Result(diff.changes(), questions);
    }

    /**
     * Writes a revision that joins several heads into one (Alembic's {@code merge}).
     *
     * @param message     what it does
     * @param sourceRoot  the source root
     * @param javaPackage the revisions' package
     * @param heads       the heads to join (ids or prefixes); none for all current heads
     * @return the file written
     */
    public java.nio.file.Path merge(String message, java.nio.file.Path sourceRoot, String javaPackage, String... heads) {
        List<String> parents = heads.length == 0 ? history.heads().stream().map(Revision::id).toList()
                : java.util.Arrays.stream(heads).map(h -> history.get(h).id()).toList();
        if (parents.size() < 2) {
            throw new MigrationException("A merge joins two or more heads; the history has " + history.heads());
        }
        return write(sourceRoot, javaPackage, newId(), message, parents, new SchemaDiff.Result(List.of(), List.of()), null);
    }

    private static java.nio.file.Path write(java.nio.file.Path sourceRoot, String javaPackage, String id, String message,
                                            List<String> parents, SchemaDiff.Result diff, @Nullable SchemaModel snapshot) {
        java.nio.file.Path dir = sourceRoot.resolve(javaPackage.replace('.', '/'));
        java.nio.file.Path file = dir.resolve(RevisionWriter.className(id) + ".java");
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(file, RevisionWriter.source(javaPackage, id, message, parents, diff.changes(),
                    diff.questions(), snapshot), java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.io.IOException e) {
            throw new MigrationException("Could not write the revision " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String newId() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
