package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.statement.Select;
import io.retort.testing.Events;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.retort.Sql.select;
import static io.retort.testing.Events.EVENTS;
import static io.retort.testing.SqlAssertions.assertSql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL and bound values of {@code IN} lists: one array parameter where the dialect binds the type as an array,
 * otherwise placeholders padded to the next power of two; either way one cached shape per size bucket.
 */
class InListCompileTest {
    private static final Events E = EVENTS;

    private static Select where(io.retort.expression.Condition condition) {
        return select(E.ID).from(E).where(condition);
    }

    private static List<Object> bound(Dialect dialect, Select statement) {
        Compiler compiler = Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK);
        return compiler.bind(compiler.compile(statement), statement).stream().map(BoundValue::value).toList();
    }

    @Test
    void anArrayTypeIsOneArrayParameter() {
        var in = where(E.QTY.in(1, 2, 3));
        assertSql(in, Dialects.POSTGRES, "SELECT events.id FROM events WHERE events.qty = ANY(?)");
        assertSql(in, Dialects.H2, "SELECT events.id FROM events WHERE events.qty = ANY(?)");
        assertSql(in, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, "SELECT events.id FROM events WHERE events.qty = ANY($1)");
        assertThat(bound(Dialects.POSTGRES, in)).containsExactly(List.of(1, 2, 3));
        assertSql(where(E.QTY.notIn(List.of(1, 2))), Dialects.POSTGRES,
                "SELECT events.id FROM events WHERE events.qty <> ALL(?)");
    }

    @Test
    void anotherTypeIsPaddedToItsBucketWithTheLastValue() {
        // r2dbc-h2 cannot bind a BigDecimal[]: decimals are padded on H2
        var in = where(E.AMOUNT.in(new BigDecimal("1.5"), new BigDecimal("2.5"), new BigDecimal("3.5")));
        assertSql(in, Dialects.H2, "SELECT events.id FROM events WHERE events.amount IN (?, ?, ?, ?)");
        assertThat(bound(Dialects.H2, in)).containsExactly(new BigDecimal("1.5"), new BigDecimal("2.5"),
                new BigDecimal("3.5"), new BigDecimal("3.5"));
        assertSql(where(E.AMOUNT.notIn(List.of(BigDecimal.ONE))), Dialects.H2,
                "SELECT events.id FROM events WHERE events.amount <> ?");
        assertSql(where(E.QTY.in(List.of(7))), Dialects.POSTGRES, "SELECT events.id FROM events WHERE events.qty = ?");
        assertSql(in, Dialects.POSTGRES, "SELECT events.id FROM events WHERE events.amount = ANY(?)");
    }

    @Test
    void beyondTheArrayLimitChunksJoinWithOrAndNotInWithAnd() {
        List<Long> many = LongStream.range(0, 100_000).boxed().toList();
        assertSql(where(E.BIG.in(many)), Dialects.H2,
                "SELECT events.id FROM events WHERE (events.big = ANY(?) OR events.big = ANY(?))");
        assertSql(where(E.BIG.notIn(many)), Dialects.H2,
                "SELECT events.id FROM events WHERE (events.big <> ALL(?) AND events.big <> ALL(?))");
        List<Object> chunks = bound(Dialects.H2, where(E.BIG.in(many)));
        assertThat(chunks).hasSize(2);
        assertThat(((List<?>) chunks.get(0)).size() + ((List<?>) chunks.get(1)).size()).isEqualTo(100_000);
        assertThat(bound(Dialects.POSTGRES, where(E.BIG.in(many)))).hasSize(1);
    }

    @Test
    void theCacheHoldsOneShapePerBucketNotPerLength() {
        for (Dialect dialect : List.of(Dialects.H2, Dialects.POSTGRES)) {
            Compiler compiler = Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK);
            for (int n = 1; n <= 1000; n++) {
                List<BigDecimal> values = IntStream.rangeClosed(1, n).mapToObj(BigDecimal::valueOf).toList();
                compiler.compile(where(E.AMOUNT.in(values)));
            }
            // sizes 1, 2, 3-4, 5-8, ..., 513-1024: 11 buckets
            assertThat(compiler.cachedShapes()).as(dialect.name()).isEqualTo(11);
        }
    }

    @Test
    void inlineRenderingShowsTheValuesAsGiven() {
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
        assertThat(compiler.renderInline(where(E.QTY.in(1, 2, 3))))
                .isEqualTo("SELECT events.id FROM events WHERE events.qty IN (1, 2, 3)");
    }
}
