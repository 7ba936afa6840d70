package io.retort.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The object every library's workload produces from a row of {@code bench_users}, so results can be compared.
 *
 * @param id    the key
 * @param name  the name
 * @param age   the age, or {@code null}
 * @param email the address, or {@code null}
 */
public record BenchUser(long id, String name, @Nullable Integer age, @Nullable String email) {

    /** @return the user of the JDBC row the result set is on (id, name, age, email) */
    static BenchUser ofJdbc(java.sql.ResultSet rs) throws java.sql.SQLException {
        Integer age = rs.getInt(3);
        if (rs.wasNull()) {
            age = null;   // asked at once: wasNull() is about the column read last
        }
        return new BenchUser(rs.getLong(1), rs.getString(2), age, rs.getString(4));
    }

    /** @return the user of an R2DBC row (id, name, age, email) */
    static BenchUser ofR2dbc(io.r2dbc.spi.Row row) {
        return new BenchUser(row.get(0, Long.class), row.get(1, String.class), row.get(2, Integer.class),
                row.get(3, String.class));
    }
}
