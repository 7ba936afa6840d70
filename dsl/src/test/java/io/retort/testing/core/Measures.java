package io.retort.testing.core;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.math.BigDecimal;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.REAL;
import static io.retort.type.SqlTypes.SMALLINT;
import static io.retort.type.SqlTypes.decimal;

/** A column of each numeric type, for SQL's type rules of arithmetic and aggregates. */
public final class Measures extends Table {
    public static final Measures MEASURES = new Measures();

    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<Short> SMALL = column("small", SMALLINT);
    public final Column<Integer> QTY = column("qty", INTEGER);
    public final Column<Long> BIG = column("big", BIGINT);
    public final Column<BigDecimal> COST = column("cost", decimal(15, 2));
    public final Column<BigDecimal> DISCOUNT = column("discount", decimal(15, 2));
    public final Column<Float> RATIO = column("ratio", REAL);
    public final Column<Double> SCORE = column("score", DOUBLE);

    private Measures() {
        super("measures");
    }
}
