package io.retort.examples;

import io.retort.migrate.MigrationsCommand;
import io.retort.schema.MetaData;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tutorial's last step, Alembic's {@code init} / {@code revision --autogenerate} / {@code upgrade head}, with
 * Retort's command-line program on an embedded H2 database: the same calls a shell would make
 * ({@code java -cp ... io.retort.migrate.MigrationsCommand upgrade head}), with the compile step a build does
 * between writing a revision and running it.
 */
public final class MigrationsQuickstart {
    /** The schema the revisions build: the tutorial's users and addresses. */
    public static final MetaData SCHEMA = MetaData.of(CoreQuickstart.Users.USERS, CoreQuickstart.Addresses.ADDRESSES);

    private MigrationsQuickstart() {
    }

    /** @param url the database (an H2 file database of its own) */
    static void run(String url) {
        Path home = Path.of("target/quickstart/migrations");
        deleteRecursively(home);
        String config = home.resolve("retort-migrations.properties").toString();
        String source = home.resolve("src").toString();

        section("retort-migrate init   (alembic init)");
        cli("init", "--config", config, "--url", url, "--revisions", "app.migrations", "--source", source,
                "--metadata", MigrationsQuickstart.class.getName() + "#SCHEMA");

        section("retort-migrate revision --autogenerate -m \"create users and addresses\"");
        cli("revision", "--config", config, "--autogenerate", "-m", "create users and addresses");
        Path revision = javaFiles(home.resolve("src")).stream().filter(p -> p.getFileName().toString().startsWith("R"))
                .findFirst().orElseThrow();
        System.out.println(read(revision));

        section("the build compiles the revision with the application (mvn compile)");
        ClassLoader revisions = compile(home.resolve("src"), home.resolve("classes"));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(revisions);
        try {
            section("retort-migrate upgrade head --echo   (alembic upgrade head)");
            cli("upgrade", "--config", config, "head", "--echo");
            section("retort-migrate current, history, check");
            cli("current", "--config", config);
            cli("history", "--config", config);
            cli("check", "--config", config);
            section("retort-migrate upgrade --sql: the same upgrade as a script, without running it");
            cli("upgrade", "--config", config, "--sql");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void cli(String... args) {
        int status = MigrationsCommand.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (status != 0) {
            throw new IllegalStateException("retort-migrate " + String.join(" ", args) + " exited with " + status);
        }
    }

    private static ClassLoader compile(Path sources, Path classes) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> classPath = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    classPath.add(Path.of(java.net.URI.create(url.toString())).toString());
                }
            }
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-classpath",
                String.join(java.io.File.pathSeparator, classPath)));
        javaFiles(sources).forEach(f -> args.add(f.toString()));
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The revision does not compile");
        }
        try {
            return new URLClassLoader(new URL[]{classes.toUri().toURL()}, loader);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("==== " + title);
    }
}
