package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.expression.Expression;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.val;
import static io.retort.type.SqlTypes.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same decimal arithmetic gives the same number on every registered dialect and through both drivers (JDBC
 * and R2DBC), and that number is the exact one within 10⁻⁹ relative: bound values are typed by the statement,
 * never by the value a driver happens to bind.
 */
@io.retort.testing.SoakTries(property = "retort.decimal.tries", quick = 200)   // 1,000 with -Dretort.soak=true
class DecimalArithmeticProperties {
    /** One row of fixed values the expressions read from. */
    static final class Items extends Table {
        final Column<BigDecimal> PRICE = column("price", decimal(15, 2));
        final Column<BigDecimal> DISCOUNT = column("discount", decimal(15, 2));

        Items() {
            super("decimal_items");
        }
    }

    static final Items ITEMS = new Items();
    static final BigDecimal PRICE = new BigDecimal("90.00");
    static final BigDecimal DISCOUNT = new BigDecimal("0.05");

    private static final Map<Dialect, AsyncEngine> ASYNC = new LinkedHashMap<>();
    private static final Map<Dialect, TestDatabase> JDBC = new LinkedHashMap<>();

    @BeforeContainer
    static void open() {
        for (Dialect d : TestEngines.dialects()) {
            AsyncEngine engine = TestEngines.open(d);
            engine.createAll(MetaData.of(ITEMS)).block(Duration.ofSeconds(30));
            engine.rowCount(insertInto(ITEMS).set(ITEMS.PRICE, PRICE).set(ITEMS.DISCOUNT, DISCOUNT)).block(Duration.ofSeconds(30));
            ASYNC.put(d, engine);
            TestDatabase db = TestDatabase.open(d);
            db.createAll(MetaData.of(ITEMS));
            db.run(insertInto(ITEMS).set(ITEMS.PRICE, PRICE).set(ITEMS.DISCOUNT, DISCOUNT));
            JDBC.put(d, db);
        }
    }

    @AfterContainer
    static void close() {
        ASYNC.values().forEach(TestEngines::closeChecked);
        JDBC.values().forEach(TestDatabase::close);
        ASYNC.clear();
        JDBC.clear();
    }

    @Provide
    Arbitrary<BigDecimal> operand() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(4)
                .filter(v -> v.abs().compareTo(new BigDecimal("0.01")) > 0);
    }

    @Property(tries = 1000, seed = "20261204")   // fixed so CI is reproducible
    void decimalArithmeticIsExactOnEveryPath(@ForAll("operand") BigDecimal p, @ForAll("operand") BigDecimal q,
                                             @ForAll int shape) {
        int s = Math.floorMod(shape, 4);
        Expression<BigDecimal> e;
        BigDecimal expected;
        MathContext mc = MathContext.DECIMAL128;
        switch (s) {
            case 0 -> {
                e = val(p).minus(ITEMS.DISCOUNT).times(ITEMS.PRICE).div(ITEMS.PRICE.times(val(q)));
                expected = p.subtract(DISCOUNT).multiply(PRICE).divide(PRICE.multiply(q), mc);
            }
            case 1 -> {
                e = ITEMS.PRICE.times(val(p)).div(val(q));
                expected = PRICE.multiply(p).divide(q, mc);
            }
            case 2 -> {
                e = val(p).plus(ITEMS.DISCOUNT).times(val(q));
                expected = p.add(DISCOUNT).multiply(q);
            }
            default -> {
                e = val(p).times(val(q)).minus(ITEMS.PRICE);
                expected = p.multiply(q).subtract(PRICE);
            }
        }
        List<String> off = new ArrayList<>();
        for (Dialect d : ASYNC.keySet()) {
            var query = select(e).from(ITEMS);
            Object viaR2dbc = ASYNC.get(d).execute(query).map(r -> (Object) r.get(0)).collectList()
                    .block(Duration.ofSeconds(30)).get(0);
            Object viaJdbc = JDBC.get(d).run(query).get(0).get(0);
            check(off, d.name() + " R2DBC", viaR2dbc, expected);
            check(off, d.name() + " JDBC", viaJdbc, expected);
        }
        assertThat(off).as("shape " + s + " with p=" + p + ", q=" + q + ", exact " + expected).isEmpty();
    }

    private static void check(List<String> off, String path, Object actual, BigDecimal expected) {
        if (!(actual instanceof Number n)) {
            off.add(path + " gave " + actual);
            return;
        }
        BigDecimal a = new BigDecimal(n.toString());
        BigDecimal tolerance = expected.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
        if (a.subtract(expected).abs().compareTo(tolerance) > 0) {
            off.add(path + " gave " + a);
        }
    }
}
