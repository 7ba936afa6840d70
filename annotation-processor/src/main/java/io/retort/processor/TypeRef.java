package io.retort.processor;

/**
 * A type as the generated code writes it: a top-level or nested class (imported through its top-level class), or
 * a primitive array written as is.
 *
 * @param packageName the package, or {@code null} for a type written verbatim ({@code byte[]})
 * @param path        the simple names from the top-level class down ({@code User}, {@code User.Mood})
 */
record TypeRef(String packageName, String path) {

    /** @param text a type written verbatim @return the reference */
    static TypeRef verbatim(String text) {
        return new TypeRef(null, text);
    }

    /** @param qualifiedName a top-level class in a named package or {@code java.lang} @return the reference */
    static TypeRef of(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return new TypeRef(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** @return the simple name of the innermost class */
    String simpleName() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** @param imports the file's imports @return the type as written in the file */
    String render(Imports imports) {
        if (packageName == null) {
            return path;
        }
        int dot = path.indexOf('.');
        String top = dot < 0 ? path : path.substring(0, dot);
        return imports.ref(packageName, top) + (dot < 0 ? "" : path.substring(dot));
    }
}
