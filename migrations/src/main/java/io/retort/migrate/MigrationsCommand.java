package io.retort.migrate;

import io.retort.jdbc.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.change.SchemaDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The command-line program ({@code alembic} for Retort): {@code init}, {@code revision [--autogenerate] -m},
 * {@code merge}, {@code upgrade [--sql]}, {@code downgrade}, {@code current}, {@code heads}, {@code history},
 * {@code stamp}, {@code check}. It reads {@value #CONFIG} (written by {@code init}) for the database URL, the
 * revisions' package, the application's metadata and the source root; options and {@code RETORT_URL} override it.
 * Revisions and metadata are found on the class path, so run it with the application's classes:
 * {@code java -cp target/classes:... io.retort.migrate.MigrationsCommand upgrade head}. Exit status: 0 done,
 * 1 {@code check} found differences, 2 a usage or migration error (the message says what to fix).
 */
@Command(name = "retort-migrate", mixinStandardHelpOptions = true, version = "retort-migrations 0.1.0",
        description = "Versioned schema migrations with autogenerate.",
        subcommands = {MigrationsCommand.Init.class, MigrationsCommand.RevisionCommand.class, MigrationsCommand.Merge.class,
                MigrationsCommand.Upgrade.class, MigrationsCommand.Downgrade.class, MigrationsCommand.Current.class,
                MigrationsCommand.Heads.class, MigrationsCommand.History.class, MigrationsCommand.Stamp.class,
                MigrationsCommand.Check.class})
public final class MigrationsCommand {
    /** The configuration file {@code init} writes, read from the working directory. */
    public static final String CONFIG = "retort-migrations.properties";

    private MigrationsCommand() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * @param args the command line
     * @param out  where results go
     * @param err  where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MigrationsCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + (e instanceof io.retort.exception.RetortException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage()));
            return 2;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cli.execute(args);
    }

    /** The settings every command shares: from the configuration file, then options. */
    static final class Settings {
        @Option(names = "--config", description = "The configuration file (default: " + CONFIG + ").")
        Path config = Path.of(CONFIG);
        @Option(names = "--url", description = "The database URL (default: the file's url, or RETORT_URL).")
        String url;
        @Option(names = "--revisions", description = "The Java package the revisions live in.")
        String revisions;
        @Option(names = "--metadata", description = "The application's MetaData: a class with a public static MetaData "
                + "field, as com.example.Schema or com.example.Schema#FIELD.")
        String metadata;
        @Option(names = "--source", description = "The source root revisions are written to (default src/main/java).")
        Path source;
        @Option(names = "--version-table", description = "The version table (default " + Migrator.DEFAULT_VERSION_TABLE + ").")
        String versionTable;
        @Option(names = "--echo", description = "Print every statement with its parameters to standard output.")
        boolean echo;

        private Properties file;

        private String setting(String option, String key, String fallback) {
            if (option != null) {
                return option;
            }
            if (file == null) {
                file = new Properties();
                if (Files.exists(config)) {
                    try (Reader r = Files.newBufferedReader(config)) {
                        file.load(r);
                    } catch (IOException e) {
                        throw new MigrationException("Could not read " + config + ": " + e.getMessage(), e);
                    }
                }
            }
            String value = file.getProperty(key);
            if (value == null && key.equals("url")) {
                value = System.getenv("RETORT_URL");
            }
            if (value == null && fallback == null) {
                throw new MigrationException("No " + key + " given: pass --" + key + ", or run init to write " + config);
            }
            return value == null ? fallback : value;
        }

        String url() {
            return setting(url, "url", null);
        }

        String revisionsPackage() {
            return setting(revisions, "revisions", null);
        }

        Path sourceRoot() {
            return Path.of(setting(source == null ? null : source.toString(), "source", "src/main/java"));
        }

        Engine engine() {
            return Engine.create(url(), io.retort.jdbc.EngineOptions.DEFAULTS.withEcho(echo).withMaxPoolSize(2));
        }

        Migrator offlineMigrator() {
            List<Revision> found = RevisionScanner.scan(revisionsPackage(), loader());
            return Migrator.offline(io.retort.engine.DatabaseUrl.parse(url()).dialect(), found);
        }

        /** Runs {@code command} with a migrator on a fresh engine, closed afterwards. */
        <T> T withMigrator(java.util.function.Function<Migrator, T> command) {
            try (Engine engine = engine()) {
                return command.apply(migrator(engine));
            }
        }

        Migrator migrator(Engine engine) {
            List<Revision> found = RevisionScanner.scan(revisionsPackage(), loader());
            return new Migrator(engine, found, setting(versionTable, "version_table", Migrator.DEFAULT_VERSION_TABLE));
        }

        MetaData metadata() {
            String spec = setting(metadata, "metadata", null);
            String className = spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec;
            String fieldName = spec.contains("#") ? spec.substring(spec.indexOf('#') + 1) : null;
            try {
                Class<?> type = Class.forName(className, true, loader());
                for (Field f : type.getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && MetaData.class.isAssignableFrom(f.getType())
                            && (fieldName == null || f.getName().equals(fieldName))) {
                        return (MetaData) f.get(null);
                    }
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new MigrationException("Could not load the metadata " + spec + ": " + e, e);
            }
            throw new MigrationException("No public static MetaData field " + (fieldName == null ? "" : fieldName + " ")
                    + "in " + className);
        }

        private static ClassLoader loader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : MigrationsCommand.class.getClassLoader();
        }
    }

    @Command(name = "init", description = "Writes " + CONFIG + " and the revisions' package directory.")
    static final class Init implements Callable<Integer> {
        @Mixin
        Settings settings;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(settings.config)) {
                throw new MigrationException(settings.config + " exists already; edit it, or remove it to init again");
            }
            String pkg = settings.revisions == null ? "db.migrations" : settings.revisions;
            Path source = settings.source == null ? Path.of("src/main/java") : settings.source;
            Path parent = settings.config.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Properties p = new Properties();
            p.setProperty("url", settings.url == null ? "jdbc:h2:file:./data/app" : settings.url);
            p.setProperty("revisions", pkg);
            p.setProperty("source", source.toString());
            if (settings.metadata != null) {
                p.setProperty("metadata", settings.metadata);
            }
            try (Writer w = Files.newBufferedWriter(settings.config)) {
                p.store(w, "Retort migrations: the database, where revisions live, and the application's MetaData "
                        + "(metadata=com.example.Schema#METADATA)");
            }
            Path dir = source.resolve(pkg.replace('.', '/'));
            Files.createDirectories(dir);
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info)) {
                Files.writeString(info, "/** Schema revisions, applied in order by retort-migrate upgrade. */\npackage "
                        + pkg + ";\n");
            }
            spec.commandLine().getOut().println("Wrote " + settings.config + " and " + dir);
            return 0;
        }
    }

    @Command(name = "revision", description = "Writes a new revision (empty, or what --autogenerate finds).")
    static final class RevisionCommand implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Option(names = {"-m", "--message"}, required = true, description = "What the revision does.")
        String message;
        @Option(names = "--autogenerate", description = "Compare the metadata with the database and write the changes.")
        boolean autogenerate;
        @Option(names = "--offline", description = "With --autogenerate: compare with the head revision's snapshot "
                + "instead of the database (no connection).")
        boolean offline;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (offline) {
                if (!autogenerate) {
                    throw new MigrationException("--offline goes with --autogenerate");
                }
                Path file = settings.offlineMigrator().revisionOffline(message, settings.metadata(), settings.sourceRoot(),
                        settings.revisionsPackage());
                spec.commandLine().getOut().println("Wrote " + file + " (review it, then compile and upgrade)");
                return 0;
            }
            Path file = settings.withMigrator(m -> m.revision(message, autogenerate ? settings.metadata() : null,
                    settings.sourceRoot(), settings.revisionsPackage()));
            spec.commandLine().getOut().println("Wrote " + file + " (review it, then compile and upgrade)");
            return 0;
        }
    }

    @Command(name = "merge", description = "Writes a revision that joins several heads.")
    static final class Merge implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Option(names = {"-m", "--message"}, required = true, description = "What the merge is for.")
        String message;
        @Parameters(arity = "0..*", description = "The heads to join (default: all).")
        List<String> heads = List.of();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = settings.withMigrator(m -> m.merge(message, settings.sourceRoot(), settings.revisionsPackage(),
                    heads.toArray(String[]::new)));
            spec.commandLine().getOut().println("Wrote " + file);
            return 0;
        }
    }

    @Command(name = "upgrade", description = "Applies revisions up to TARGET (head, heads, +N or a revision).")
    static final class Upgrade implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Parameters(defaultValue = "head", description = "head (default), heads, +N, or a revision id.")
        String target;
        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;
        @Option(names = "--from", defaultValue = "base", description = "With --sql: the revision the database is at.")
        String from;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (sql) {
                String script = settings.withMigrator(m -> m.upgradeSql(from, target));
                out.print(script);
                out.flush();
            } else {
                settings.withMigrator(m -> m.upgrade(target)).forEach(r -> out.println("Upgraded to " + r));
            }
            return 0;
        }
    }

    @Command(name = "downgrade", description = "Undoes revisions back to TARGET (-N, base or a revision).")
    static final class Downgrade implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Parameters(description = "-N, base, or a revision id.")
        String target;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            settings.withMigrator(m -> m.downgrade(target))
                    .forEach(r -> spec.commandLine().getOut().println("Downgraded from " + r));
            return 0;
        }
    }

    @Command(name = "current", description = "Prints the revisions the database is at.")
    static final class Current implements Callable<Integer> {
        @Mixin
        Settings settings;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> current = settings.withMigrator(Migrator::current);
            spec.commandLine().getOut().println(current.isEmpty() ? "base" : String.join(" ", current));
            return 0;
        }
    }

    @Command(name = "heads", description = "Prints the revisions no other revision follows.")
    static final class Heads implements Callable<Integer> {
        @Mixin
        Settings settings;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Revision> found = RevisionScanner.scan(settings.revisionsPackage(), Settings.loader());
            for (Revision r : new RevisionHistory(found).heads()) {
                spec.commandLine().getOut().println(r + " (head)");
            }
            return 0;
        }
    }

    @Command(name = "history", description = "Prints every revision, newest first.")
    static final class History implements Callable<Integer> {
        @Mixin
        Settings settings;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Revision> found = RevisionScanner.scan(settings.revisionsPackage(), Settings.loader());
            RevisionHistory history = new RevisionHistory(found);
            List<Revision> all = new java.util.ArrayList<>(history.all());
            java.util.Collections.reverse(all);
            List<Revision> heads = history.heads();
            for (Revision r : all) {
                spec.commandLine().getOut().println((r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents()))
                        + " -> " + r.id() + (heads.contains(r) ? " (head)" : "") + ", " + r.message());
            }
            return 0;
        }
    }

    @Command(name = "stamp", description = "Records TARGET as applied without running anything.")
    static final class Stamp implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Parameters(description = "A revision id, head, or base.")
        String target;

        @Override
        public Integer call() {
            settings.withMigrator(m -> {
                m.stamp(target);
                return null;
            });
            return 0;
        }
    }

    @Command(name = "check", description = "Exits with 1 when the metadata and the database (or, --offline, the head "
            + "revision's snapshot) differ (for CI).")
    static final class Check implements Callable<Integer> {
        @Mixin
        Settings settings;
        @Option(names = "--offline", description = "Compare with the head revision's snapshot, without a database.")
        boolean offline;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (offline) {
                return report(settings.offlineMigrator().compareWithSnapshot(settings.metadata()));
            }
            return report(settings.withMigrator(m -> m.compare(settings.metadata())));
        }

        private int report(SchemaDiff.Result diff) {
            PrintWriter out = spec.commandLine().getOut();
            diff.questions().forEach(q -> out.println("  to decide: " + q));
            if (diff.isEmpty()) {
                out.println("No changes: the " + (offline ? "head revision's snapshot" : "database")
                        + " matches the metadata");
                return 0;
            }
            for (SchemaChange c : diff.changes()) {
                out.println("  " + c.describe());
            }
            out.println(diff.changes().size() + " changes: run revision --autogenerate");
            return 1;
        }
    }
}
