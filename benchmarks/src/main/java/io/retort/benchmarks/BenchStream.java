package io.retort.benchmarks;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Retort's declaration of {@code bench_stream}, the large table of the streaming workloads (the shape of {@code bench_users}). */
public final class BenchStream extends Table {
    public static final BenchStream STREAM = new BenchStream();

    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<String> NAME = column("name", varchar(50), notNull());
    public final Column<Integer> AGE = column("age", INTEGER);
    public final Column<String> EMAIL = column("email", varchar(100));

    private BenchStream() {
        super("bench_stream");
    }
}
