package io.retort.migrate;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the revisions of a package on the class path (directories and jars), the way Flyway finds Java migrations:
 * every concrete {@link Revision} subclass with a public no-argument constructor, and every {@code .sql} file
 * ({@link SqlRevision}).
 */
public final class RevisionScanner {
    private RevisionScanner() {
    }

    /**
     * @param javaPackage the package the revisions live in (not its sub-packages)
     * @param loader      the class loader to search
     * @return one instance of each revision class found
     * @throws MigrationException when a class cannot be loaded or made
     */
    public static List<Revision> scan(String javaPackage, ClassLoader loader) {
        String path = javaPackage.replace('.', '/');
        List<String> classNames = new ArrayList<>();
        List<String> sqlFiles = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("jar")) {
                    JarURLConnection jar = (JarURLConnection) root.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                                .forEach(n -> {
                                    if (n.endsWith(".class")) {
                                        classNames.add(n.substring(0, n.length() - 6).replace('/', '.'));
                                    } else if (n.endsWith(".sql")) {
                                        sqlFiles.add(n);
                                    }
                                });
                    }
                } else if (root.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(n -> {
                            if (n.endsWith(".class")) {
                                classNames.add(javaPackage + "." + n.substring(0, n.length() - 6));
                            } else if (n.endsWith(".sql")) {
                                sqlFiles.add(path + "/" + n);
                            }
                        });
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Could not list the package " + javaPackage + " on the class path: "
                    + e.getMessage(), e);
        }
        List<Revision> out = new ArrayList<>();
        for (String resource : new java.util.LinkedHashSet<>(sqlFiles)) {
            try (java.io.InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    out.add(SqlRevision.parse(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new MigrationException("Could not read the SQL revision " + resource + ": " + e.getMessage(), e);
            }
        }
        for (String name : classNames) {
            if (name.contains("$")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException("Could not load " + name + " from the revisions' package: " + e, e);
            }
            if (!Revision.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            try {
                out.add((Revision) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new MigrationException("The revision " + name + " needs a public constructor without arguments: "
                        + e, e);
            }
        }
        return out;
    }
}
