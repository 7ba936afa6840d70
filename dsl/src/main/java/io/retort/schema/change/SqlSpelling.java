package io.retort.schema.change;

import org.jspecify.annotations.Nullable;

/**
 * How one database spells the SQL a schema model carries (types, server defaults, conditions), so that a comparison
 * takes a declared {@code varchar(100)} and a reflected {@code character varying(100)} for the same type. Models keep
 * the SQL as written or reflected; a comparison brings both sides to this spelling first. A dialect gives its own
 * ({@code dialect.spelling()}).
 */
public interface SqlSpelling {
    /** The SQL as it is: for models that already share one spelling. */
    SqlSpelling VERBATIM = new SqlSpelling() {
        @Override
        public String type(String sqlType) {
            return sqlType;
        }

        @Override
        public @Nullable String serverDefault(@Nullable String sql) {
            return sql;
        }

        @Override
        public @Nullable String condition(@Nullable String sql) {
            return sql;
        }
    };

    /**
     * @param sqlType a type as declared or reflected
     * @return its canonical spelling
     */
    String type(String sqlType);

    /**
     * @param sql a server default, or {@code null}
     * @return its normal form, or {@code null}
     */
    @Nullable String serverDefault(@Nullable String sql);

    /**
     * @param sql a CHECK or partial-index condition, or {@code null}
     * @return its normal form, or {@code null}
     */
    @Nullable String condition(@Nullable String sql);
}
