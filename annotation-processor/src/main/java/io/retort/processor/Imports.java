package io.retort.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated file: each referenced type is written by its simple name and imported, unless that
 * simple name is taken by another type, in which case it is written qualified.
 */
final class Imports {
    private final String packageName;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();
    private final Set<String> staticImports = new TreeSet<>();

    /**
     * @param packageName the generated file's package
     * @param reserved    simple names already used in the file (the generated class itself)
     */
    Imports(String packageName, String... reserved) {
        this.packageName = packageName;
        for (String r : reserved) {
            bySimpleName.put(r, packageName.isEmpty() ? r : packageName + "." + r);
        }
    }

    /**
     * @param packageOfType    the package of a top-level type ({@code ""} for the unnamed package)
     * @param topLevelName     the top-level type's simple name
     * @return how to write the type in the file
     */
    String ref(String packageOfType, String topLevelName) {
        String qualified = packageOfType.isEmpty() ? topLevelName : packageOfType + "." + topLevelName;
        String known = bySimpleName.get(topLevelName);
        if (known != null) {
            return known.equals(qualified) ? topLevelName : qualified;
        }
        bySimpleName.put(topLevelName, qualified);
        if (!packageOfType.equals(packageName) && !packageOfType.equals("java.lang")) {
            imports.add(qualified);
        }
        return topLevelName;
    }

    /** @param qualifiedName a top-level type's qualified name @return how to write it */
    String ref(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? ref("", qualifiedName) : ref(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** @param qualifiedMember a static member, as {@code io.retort.type.SqlTypes.varchar} */
    void addStatic(String qualifiedMember) {
        staticImports.add(qualifiedMember);
    }

    /** @return the import lines grouped by top-level package, a blank line, and the static import lines */
    String render() {
        StringBuilder out = new StringBuilder();
        String group = null;
        for (String i : imports) {
            String top = i.substring(0, Math.max(i.indexOf('.'), 0));
            if (group != null && !group.equals(top)) {
                out.append('\n');
            }
            group = top;
            out.append("import ").append(i).append(";\n");
        }
        if (!imports.isEmpty() && !staticImports.isEmpty()) {
            out.append('\n');
        }
        for (String i : staticImports) {
            out.append("import static ").append(i).append(";\n");
        }
        return out.toString();
    }
}
