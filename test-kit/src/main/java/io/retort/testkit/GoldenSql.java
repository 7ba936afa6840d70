package io.retort.testkit;

import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.statement.Statement;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Golden files: the SQL each dialect writes for your statements, kept as files beside your tests
 * ({@code <folder>/<name>.<dialect id>.sql} among the test resources, such as
 * {@code golden/orders/recent.postgresql.sql}) so that a change in what reaches the database shows up in review.
 *
 * <pre>{@code
 * private static final GoldenSql GOLDEN = GoldenSql.in("golden/orders");
 *
 * @Test
 * void recentOrders() {
 *     GOLDEN.check("recent", orders.recentQuery(30));        // every registered dialect
 *     GOLDEN.check("recent", orders.recentQuery(30), Dialects.POSTGRES);
 * }
 * }</pre>
 *
 * <p>A missing or different file fails the check, showing the SQL written now. Run once with
 * {@code -Dretort.golden.update=true} to write (or rewrite) the files instead, under {@code src/test/resources}
 * of the directory the tests run in ({@code -Dretort.golden.dir=...} to change that), then review the difference
 * and commit it. Files are read from the class path, so a file written by an update run is seen after the next
 * build copies the resources. A file may lay the SQL out over several lines; line breaks count as one space.
 * Immutable.
 */
public final class GoldenSql {
    /** The system property that makes {@link #check} write the files instead of comparing: {@code true}. */
    public static final String UPDATE_PROPERTY = "retort.golden.update";
    /** The system property naming the directory the files are written under; default {@code src/test/resources}. */
    public static final String DIRECTORY_PROPERTY = "retort.golden.dir";

    private final String folder;
    private final PlaceholderStyle style;
    private final boolean update;
    private final Path writeRoot;

    GoldenSql(String folder, PlaceholderStyle style, boolean update, Path writeRoot) {
        this.folder = folder;
        this.style = style;
        this.update = update;
        this.writeRoot = writeRoot;
    }

    /**
     * @param resourceFolder where the files live among the test resources, such as {@code golden/orders}
     * @return golden files there, compiled with JDBC's {@code ?} placeholders
     */
    public static GoldenSql in(String resourceFolder) {
        Objects.requireNonNull(resourceFolder, "resourceFolder");
        String folder = resourceFolder.replaceAll("^/+|/+$", "");
        return new GoldenSql(folder, PlaceholderStyle.QUESTION_MARK, Boolean.getBoolean(UPDATE_PROPERTY),
                Path.of(System.getProperty(DIRECTORY_PROPERTY, "src/test/resources")));
    }

    /**
     * @param placeholders the placeholder style to compile with; files of the {@code NUMBERED} style are named
     *                     {@code <name>.<dialect id>.numbered.sql}
     * @return golden files in the same folder, compiled with that style
     */
    public GoldenSql withPlaceholders(PlaceholderStyle placeholders) {
        return new GoldenSql(folder, Objects.requireNonNull(placeholders, "placeholders"), update, writeRoot);
    }

    /**
     * Compares the SQL of a statement with its golden file for each dialect (or writes the files, in update mode).
     *
     * @param name      the statement's name in the folder: letters, digits, {@code -} and {@code _}
     * @param statement the statement
     * @param dialects  the dialects to check; none means every registered dialect
     * @throws AssertionFailedError naming each dialect whose file is missing or different, with the SQL it wrote
     */
    public void check(String name, Statement statement, Dialect... dialects) {
        Objects.requireNonNull(statement, "statement");
        if (!Objects.requireNonNull(name, "name").matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A golden file's name takes letters, digits, - and _ only, not [" + name + "]");
        }
        List<Dialect> targets = dialects.length == 0 ? Dialects.registered() : List.of(dialects);
        List<String> problems = new ArrayList<>();
        String lastExpected = null;
        String lastActual = null;
        for (Dialect dialect : targets) {
            String path = folder + "/" + name + "." + dialect.id() + (style == PlaceholderStyle.NUMBERED ? ".numbered" : "") + ".sql";
            String actual = SqlLayout.oneLine(new Compiler(dialect, style, 0).compile(statement).sql());
            String expected = read(path);
            if (update) {
                if (!actual.equals(expected)) {
                    write(path, actual);
                }
                continue;
            }
            if (expected == null) {
                problems.add("No golden file [" + path + "] for " + dialect.name() + "; the SQL now is:\n  " + actual);
            } else if (!expected.equals(actual)) {
                problems.add("The SQL for " + dialect.name() + " differs from [" + path + "]:\n  expected: " + expected
                        + "\n  actual:   " + actual);
                lastExpected = expected;
                lastActual = actual;
            }
        }
        if (!problems.isEmpty()) {
            String message = String.join("\n", problems) + "\nIf the new SQL is right, run the tests with -D" + UPDATE_PROPERTY
                    + "=true to write it into " + writeRoot.resolve(folder) + ", then review and commit the change.";
            throw problems.size() == 1 && lastExpected != null
                    ? new AssertionFailedError(message, lastExpected, lastActual)
                    : new AssertionFailedError(message);
        }
    }

    private static String read(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = GoldenSql.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : SqlLayout.oneLine(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the golden file [" + path + "]", e);
        }
    }

    private void write(String path, String sql) {
        Path file = writeRoot.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the golden file [" + file + "]", e);
        }
    }

    /** @return the folder and the placeholder style */
    @Override
    public String toString() {
        return "GoldenSql[" + folder + ", " + style + (update ? ", updating" : "") + "]";
    }
}
