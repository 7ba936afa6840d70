package io.retort.compile;

import org.jspecify.annotations.Nullable;
import io.retort.schema.Identifiers;
import io.retort.type.DataType;

import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything Retort knows about one database, in one place: its SQL (identifier quoting, type names, the
 * renderer that writes statements), its capabilities, how new keys come back, the values it cannot store,
 * how its errors are classified, and how its URLs are recognised. Nothing outside a dialect (and a driver
 * profile per adapter) asks which database it talks to: it asks the dialect. A dialect is immutable and
 * shared; rendering state lives in a fresh {@link SqlRenderer} per compilation. Dialects are registered
 * through {@code io.retort.dialect.DialectProvider} and {@link java.util.ServiceLoader}.
 */
public abstract class Dialect {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** @return the dialect's name, for messages */
    public abstract String name();

    /**
     * @return a stable lower-case key, such as {@code h2} or {@code postgresql}: what driver profiles and
     *         registries use to find each other, never shown as a product name
     */
    public abstract String id();

    /**
     * @return the URL schemes that name this database: in Retort's short forms ({@code h2:mem:x},
     *         {@code postgresql://host/db}) and after {@code jdbc:} or {@code r2dbc:}
     */
    public abstract Set<String> urlSchemes();

    /**
     * @return the names the database gives itself in driver metadata (JDBC {@code getDatabaseProductName},
     *         R2DBC {@code ConnectionMetadata.getDatabaseProductName}), compared ignoring case
     */
    public abstract Set<String> productNames();

    /**
     * @return the port a short URL without one means, or 0 for an embedded database whose short form names a
     *         target ({@code h2:mem:name}) rather than a host
     */
    public int defaultPort() {
        return 0;
    }

    /** @return the database a server's short URL without a path means, or {@code null} for the server's default */
    public @Nullable String defaultDatabase() {
        return null;
    }

    /**
     * Turns what follows {@code scheme:} in an embedded database's short URL into the target its drivers take.
     *
     * @param target for example {@code mem:test} or {@code file:./data/app}
     * @return the driver's target, with whatever settings Retort's short form implies
     */
    public String embeddedTarget(String target) {
        return target;
    }

    /**
     * Makes {@code ALTER TABLE ... ADD CONSTRAINT name ...} do nothing when a constraint of that name exists, so
     * that {@code createAll} can run twice. The default writes {@code ADD CONSTRAINT IF NOT EXISTS}.
     *
     * @param alterTableAddConstraint the plain statement
     * @return the statement that tolerates an existing constraint
     */
    public String addConstraintIfAbsent(String alterTableAddConstraint) {
        return alterTableAddConstraint.replace(" ADD CONSTRAINT ", " ADD CONSTRAINT IF NOT EXISTS ");
    }

    /** @return how the database hands back the keys it generated for inserted rows */
    public KeyRetrieval keyRetrieval() {
        return KeyRetrieval.RETURNING;
    }

    /** @return the SQL written for an upsert, or {@link UpsertForm#NONE} */
    public UpsertForm upsertForm() {
        return UpsertForm.NONE;
    }

    /** @return the longest identifier the database keeps, in UTF-8 bytes */
    public int maxIdentifierBytes() {
        return Identifiers.MAX_BYTES;
    }

    /**
     * Refuses, before it is bound, a value the database would store wrongly or reject with the value quoted in
     * its message. Both engines call this for every value they bind.
     *
     * @param type  the database type the value is bound as
     * @param value the value, not {@code null}
     * @throws io.retort.exception.InvalidValueException if the database cannot store it as given
     */
    public void checkValue(DataType<?> type, Object value) {
    }

    /**
     * Adjusts a checked value to what the database stores, for both engines' drivers.
     *
     * @param type  the database type the value is bound as
     * @param value the value, not {@code null}
     * @return the value to hand to the driver
     */
    public Object toDatabaseValue(DataType<?> type, Object value) {
        return value;
    }

    /**
     * Classifies a database error. The default reads the standard SQLSTATE classes; a dialect adds its own
     * states or vendor codes.
     *
     * @param sqlState   the SQLSTATE, or {@code null} when the driver gave none
     * @param vendorCode the driver's vendor error code, or 0
     * @return what the error means for the caller
     */
    public ErrorKind classify(@Nullable String sqlState, int vendorCode) {
        return ErrorKind.ofSqlState(sqlState);
    }

    /**
     * How many values of this type one array parameter of an {@code IN} list may hold, or 0 when such lists are not
     * bound as arrays. A dialect that returns more than 0 renders {@code x IN (...)} of bound values as
     * {@code x = ANY(?)} (chunks joined with {@code OR} beyond the limit) and {@code NOT IN} as {@code x <> ALL(?)};
     * otherwise the list is padded to its size bucket.
     *
     * @param elementType the type the values are bound as
     * @return the most elements per array, or 0
     */
    public int inListArrayLimit(DataType<?> elementType) {
        return 0;
    }

    /**
     * The parameters an {@code IN} list binds on this dialect, in placeholder order: its array chunks, or its values
     * padded to their bucket. The collector of a statement's values and the renderer both ask here, so they agree.
     */
    final List<? extends io.retort.expression.Expression<?>> inListParameters(io.retort.expression.InList in) {
        return bindsAsArrays(in) ? in.arrayValues(inListArrayLimit(in.elementType())) : in.paddedValues();
    }

    final boolean bindsAsArrays(io.retort.expression.InList in) {
        return in.elementType() != null && in.values().size() > 1 && inListArrayLimit(in.elementType()) > 0;
    }

    /**
     * @param capability a feature
     * @return whether this dialect can express it
     */
    public abstract boolean supports(Capability capability);

    /** @return the words that must be quoted to be used as identifiers, in upper case */
    protected abstract Set<String> reservedWords();

    /**
     * @param type a SQL type
     * @return its name in DDL and {@code CAST}
     */
    public abstract String typeName(DataType<?> type);

    /**
     * @param context what the renderer needs to know about this compilation
     * @return a renderer for one statement
     */
    protected abstract SqlRenderer newRenderer(RenderContext context);

    /**
     * Quotes an identifier only when it needs it: when it is not a lower-case plain name or is a
     * reserved word. Lower-case plain names stay unquoted, so hand-written SQL can use them too.
     *
     * @param name the identifier
     * @return the identifier as SQL writes it
     * @throws io.retort.exception.InvalidIdentifierException if it is empty, too long or contains NUL
     */
    public String identifier(String name) {
        checkLength(name);
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !reservedWords().contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return quote(name);
    }

    /** Identifiers are checked when schema objects are built; this adds the dialect's own length limit. */
    private void checkLength(String name) {
        Identifiers.check(name, "identifier");
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > maxIdentifierBytes()) {
            throw new io.retort.exception.InvalidIdentifierException("The identifier [" + name.substring(0, Math.min(20, name.length()))
                    + "...] is " + bytes + " bytes long; " + name() + " keeps at most " + maxIdentifierBytes()
                    + ". Choose a shorter name.");
        }
    }

    /**
     * Always quotes, doubling embedded quote characters.
     *
     * @param name the identifier
     * @return {@code "name"}
     */
    public String quote(String name) {
        checkLength(name);
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * @param value text
     * @return a SQL string literal, quotes doubled
     */
    public String stringLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * The spelling of a SQL type that schema comparison uses: a declared type and the same type as this database
     * reflects it (a synonym, a default length or precision spelled out) give the same string.
     *
     * @param sqlType a type as written in DDL or as the database's catalog reports it
     * @return its canonical spelling on this database
     */
    public String canonicalType(String sqlType) {
        return SqlText.normalize(sqlType).replace("\"", "");
    }

    /**
     * @param type a declared type
     * @return the canonical spelling of the type this dialect creates for it
     */
    public String canonicalType(DataType<?> type) {
        return canonicalType(typeName(type));
    }

    /**
     * @param sql a server default as declared or as the database reports it, or {@code null}
     * @return its normal form on this database (what the database would store for it), or {@code null}
     */
    public @Nullable String normalizeDefault(@Nullable String sql) {
        return SqlText.normalize(sql);
    }

    /**
     * @param sql a CHECK or partial-index condition as rendered or as the database reports it
     * @return its normal form on this database
     */
    public String normalizeCondition(String sql) {
        return SqlText.normalize(sql);
    }

    /**
     * @param key a number naming the lock
     * @return a statement that takes a lock held until the transaction ends, which concurrent migration runs wait
     *         for, or {@code null} when the database has none (the migration runner then locks within the process)
     */
    public @Nullable String transactionLockStatement(long key) {
        return null;
    }

    /** @return how this database spells types, defaults and conditions, for schema comparison */
    public io.retort.schema.change.SqlSpelling spelling() {
        Dialect self = this;
        return new io.retort.schema.change.SqlSpelling() {
            @Override
            public String type(String sqlType) {
                return self.canonicalType(sqlType);
            }

            @Override
            public @Nullable String serverDefault(@Nullable String sql) {
                return self.normalizeDefault(sql);
            }

            @Override
            public @Nullable String condition(@Nullable String sql) {
                return sql == null ? null : self.normalizeCondition(sql);
            }
        };
    }

    /**
     * @param wait how long a statement may wait for a row lock
     * @return the session setting that lets it wait so long, or {@code null} when the database waits anyway
     */
    public @Nullable String lockWaitStatement(java.time.Duration wait) {
        return null;
    }

    /** @return the statement that puts the lock wait back to the database's default, or {@code null} */
    public @Nullable String lockWaitReset() {
        return null;
    }

    /** @return how this dialect writes schema changes as DDL */
    public SchemaChangeRenderer schemaChangeRenderer() {
        return new SchemaChangeRenderer(this);
    }

    /**
     * @return how to read this database's catalog into a schema model, or {@code null} when the dialect cannot
     */
    public @Nullable SchemaInspection schemaInspection() {
        return null;
    }

    /**
     * @return the statement that clears session settings ({@code SET ...}) before a pooled connection is
     *         reused, or {@code null} when the dialect keeps no such state per connection
     */
    public @Nullable String sessionResetStatement() {
        return null;
    }

    /**
     * @param timeout a statement timeout for the session, or {@code null} for none
     * @return the statement that sets it on the session, or {@code null} when the database has no such setting
     */
    public @Nullable String statementTimeoutStatement(java.time.@Nullable Duration timeout) {
        return null;
    }

    /**
     * @param sessionDefault the timeout the session was opened with, or {@code null} for none
     * @return the statement that puts the session's timeout back to that after {@link #statementTimeoutStatement}
     */
    public @Nullable String statementTimeoutResetStatement(java.time.@Nullable Duration sessionDefault) {
        return statementTimeoutStatement(sessionDefault);
    }

    /** Two dialects are equal when they are of one class with one id: there is one dialect per database. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof Dialect d && d.getClass() == getClass() && d.id().equals(id());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), id());
    }

    @Override
    public String toString() {
        return name();
    }
}
