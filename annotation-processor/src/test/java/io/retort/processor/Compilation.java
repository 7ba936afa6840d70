package io.retort.processor;

import io.retort.orm.EntityTable;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles sources in memory with {@link EntityProcessor}, in this JVM, the way javac would in a user's build:
 * the class path is just retort-dsl. Keeps the diagnostics and the generated sources.
 *
 * @param success     whether javac succeeded
 * @param diagnostics what javac reported
 * @param classes     the directory of the compiled classes
 * @param generated   the generated sources' directory
 */
record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated) {

    /**
     * @param root    a directory for the output (a test's {@code @TempDir})
     * @param sources qualified class name to source text
     * @return the result
     */
    static Compilation compile(Path root, Map<String, String> sources) {
        try {
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(location(EntityTable.class)));
                List<JavaFileObject> units = new ArrayList<>();
                sources.forEach((name, text) -> units.add(new Source(name, text)));
                JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                        List.of("-Xlint:all"), null, units);
                task.setProcessors(List.of(new EntityProcessor()));
                boolean ok = task.call();
                return new Compilation(ok, diagnostics.getDiagnostics(), classes, generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param qualifiedName a generated class @return its source */
    String generatedSource(String qualifiedName) {
        Path file = generated.resolve(qualifiedName.replace('.', '/') + ".java");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No generated " + file + "; diagnostics: " + messages(Diagnostic.Kind.ERROR), e);
        }
    }

    /** @param kind a kind @return the messages of that kind, each with its line and the source it points at */
    List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.getKind() == kind).map(Compilation::describe).collect(Collectors.toList());
    }

    /** @return the errors, as {@link #describe} writes them */
    List<String> errors() {
        return messages(Diagnostic.Kind.ERROR);
    }

    /** @return the warnings of any kind */
    List<String> warnings() {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING
                || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING).map(Compilation::describe).collect(Collectors.toList());
    }

    /** "Name.java:LINE: message" plus the text of the line at which it points. */
    static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri().getPath()).getFileName().toString();
        return file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String qualifiedName, String text) {
            super(URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
