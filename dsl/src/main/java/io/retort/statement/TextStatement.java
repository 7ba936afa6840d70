package io.retort.statement;

import org.jspecify.annotations.Nullable;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.UnknownBindException;
import io.retort.expression.Expression;
import io.retort.expression.Param;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raw SQL with named parameters, {@code text("SELECT * FROM users WHERE id = :id").bind("id", 7)}, for what
 * the DSL cannot say. Values are still bound, never spliced. {@code :name} inside string literals, quoted
 * identifiers, comments and PostgreSQL {@code ::} casts is left alone; positional {@code ?} is rejected.
 */
public final class TextStatement implements Query {
    private final List<String> parts;
    private final List<String> names;
    private final Map<String, Param<?>> binds;
    private final List<Expression<?>> columns;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    TextStatement(List<String> parts, List<String> names, Map<String, Param<?>> binds, List<Expression<?>> columns) {
        parts = List.copyOf(parts);
        names = List.copyOf(names);
        binds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(binds));
        columns = List.copyOf(columns);
        this.parts = parts;
        this.names = names;
        this.binds = binds;
        this.columns = columns;
    }


    /**
     * @param sql SQL with {@code :name} parameters
     * @return the statement, with no values bound yet
     */
    public static TextStatement of(String sql) {
        Objects.requireNonNull(sql, "sql");
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        TextParser.parse(sql, parts, names);
        return new TextStatement(parts, names, Map.of(), List.of());
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitText(this);
    }

    @Override
    public List<Expression<?>> selectedExpressions() {
        return columns;
    }

    /**
     * Binds a value, typed by its Java class.
     *
     * @param name  the parameter's name, without the colon
     * @param value the value ({@code null} binds NULL as text)
     * @return this statement with the value bound
     * @throws UnknownBindException if the SQL has no {@code :name}
     * @throws io.retort.exception.UnsupportedBindTypeException for a class Retort cannot bind
     */
    @SuppressWarnings("unchecked")
    public TextStatement bind(String name, @Nullable Object value) {
        DataType<Object> type = value == null ? SqlTypes.UNKNOWN : (DataType<Object>) SqlTypes.inferFrom(value);
        return bind(name, type, value);
    }

    /**
     * Binds a value as an explicit type.
     *
     * @param name  the parameter's name
     * @param type  the SQL type
     * @param value the value
     * @param <T>   its Java type
     * @return this statement with the value bound
     */
    public <T> TextStatement bind(String name, DataType<T> type, Object value) {
        Objects.requireNonNull(name, "name");
        if (!names.contains(name)) {
            throw new UnknownBindException("The SQL has no parameter [:" + name + "]; its parameters are "
                    + names.stream().distinct().map(n -> ":" + n).toList());
        }
        Map<String, Param<?>> all = new LinkedHashMap<>(binds);
        all.put(name, Param.of(type, value));
        return new TextStatement(parts, names, all, columns);
    }

    /**
     * Declares the result columns, so rows can be read with typed accessors.
     *
     * @param resultColumns one expression per result column, in order
     * @return this statement with typed columns
     */
    public TextStatement columns(Expression<?>... resultColumns) {
        for (Expression<?> c : resultColumns) {
            Objects.requireNonNull(c, "column");
        }
        return new TextStatement(parts, names, binds, Arrays.asList(resultColumns));
    }

    /** Splits raw SQL into text and named parameters, skipping quoted text and comments. */
    static final class TextParser {
        private TextParser() {
        }

        static void parse(String sql, List<String> parts, List<String> names) {
            StringBuilder current = new StringBuilder();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = closing(sql, i, c);
                    current.append(sql, i, end);
                    i = end;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    current.append(sql, i, end);
                    i = end;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw new InvalidStatementException("Unterminated /* comment in text() at offset " + i);
                    }
                    current.append(sql, i, end + 2);
                    i = end + 2;
                } else if (c == '$' && dollarTag(sql, i) != null) {
                    String tag = dollarTag(sql, i);
                    int end = sql.indexOf(tag, i + tag.length());
                    if (end < 0) {
                        throw new InvalidStatementException("Unterminated " + tag + " quoted string in text() at offset " + i);
                    }
                    current.append(sql, i, end + tag.length());
                    i = end + tag.length();
                } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    current.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
                        j++;
                    }
                    parts.add(current.toString());
                    current.setLength(0);
                    names.add(sql.substring(i + 1, j));
                    i = j;
                } else if (c == '?') {
                    throw new InvalidStatementException("text() takes named parameters (:name); found a positional '?' at offset "
                            + i + (names.isEmpty() ? "" : ". Mixing positional and named parameters is not allowed")
                            + ". Write :name and bind(\"name\", value)");
                } else {
                    current.append(c);
                    i++;
                }
            }
            parts.add(current.toString());
        }

        private static int closing(String sql, int start, char quote) {
            int i = start + 1;
            while (i < sql.length()) {
                if (sql.charAt(i) == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            throw new InvalidStatementException("Unterminated " + quote + " quote in text() starting at offset " + start);
        }

        private static String dollarTag(String sql, int start) {
            int j = start + 1;
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < sql.length() && sql.charAt(j) == '$' && (j == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
                return sql.substring(start, j + 1);
            }
            return null;
        }
    }

    /** @return the SQL text around the parameters ({@code names.size() + 1} pieces) */
    public List<String> parts() {
        return parts;
    }

    /** @return the parameter names in order of appearance (a name may repeat) */
    public List<String> names() {
        return names;
    }

    /** @return the values bound so far, by name */
    public Map<String, Param<?>> binds() {
        return binds;
    }

    /** @return the typed result columns, if declared */
    public List<Expression<?>> columns() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TextStatement other)) {
            return false;
        }
        return java.util.Objects.equals(parts, other.parts) && java.util.Objects.equals(names, other.names) && java.util.Objects.equals(binds, other.binds) && java.util.Objects.equals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(parts, names, binds, columns);
    }

    @Override
    public String toString() {
        return "TextStatement[parts=" + parts + ", names=" + names + ", binds=" + binds + ", columns=" + columns + "]";
    }
}
