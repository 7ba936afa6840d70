package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.SortOrder;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.retort.Sql.coalesce;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.not;
import static io.retort.Sql.and;
import static io.retort.Sql.select;
import static io.retort.Sql.selectFrom;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan item 1: {@code null} where a column, table or expression is required fails at build time with a
 * {@link NullPointerException} naming the parameter; {@code null} as a comparison value never becomes {@code = NULL}.
 */
class NullArgumentTest {

    private static String sql(Statement s) {
        return Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK).compile(s).sql();
    }

    @Test
    void nullStatementArgumentsNameTheParameter() {
        assertRejected(() -> select((Expression<?>[]) null), NullPointerException.class, "expressions");
        assertRejected(() -> select((List<Expression<?>>) null), NullPointerException.class, "expressions");
        assertRejected(() -> select(THINGS.ID, null), NullPointerException.class, "selected expression");
        assertRejected(() -> selectFrom(null), NullPointerException.class, "table");
        assertRejected(() -> insertInto(null), NullPointerException.class, "table");
        assertRejected(() -> update(null), NullPointerException.class, "table");
        assertRejected(() -> deleteFrom(null), NullPointerException.class, "table");
        assertRejected(() -> text(null), NullPointerException.class, "sql");
        assertRejected(() -> select(THINGS.ID).from((Table) null), NullPointerException.class, "source");
        assertRejected(() -> select(THINGS.ID).from(THINGS).join(null), NullPointerException.class, "target");
        assertRejected(() -> select(THINGS.ID).orderBy((SortOrder) null), NullPointerException.class, "order");
    }

    @Test
    void whereNullNamesTheCondition() {
        assertRejected(() -> select(THINGS.ID).where(null), NullPointerException.class, "condition");
        assertRejected(() -> update(THINGS).set(THINGS.QTY, 1).where(null), NullPointerException.class, "condition");
        assertRejected(() -> deleteFrom(THINGS).where(null), NullPointerException.class, "condition");
        assertRejected(() -> select(THINGS.ID).having(null), NullPointerException.class, "condition");
    }

    @Test
    void nullConditionsAndOperandsNameTheParameter() {
        assertRejected(() -> THINGS.ID.eq(1L).and(null), NullPointerException.class, "other");
        assertRejected(() -> THINGS.ID.eq(1L).or(null), NullPointerException.class, "other");
        assertRejected(() -> and(THINGS.ID.eq(1L), null), NullPointerException.class, "condition");
        assertRejected(() -> not(null), NullPointerException.class, "condition");
        assertRejected(() -> THINGS.ID.eq((Expression<Long>) null), NullPointerException.class, "other");
        assertRejected(() -> THINGS.ID.lt((Expression<Long>) null), NullPointerException.class, "other");
        assertRejected(() -> THINGS.QTY.plus((Expression<Integer>) null), NullPointerException.class, "other");
        assertRejected(() -> THINGS.ID.between((Expression<Long>) null, val(2L)), NullPointerException.class, "low");
        assertRejected(() -> when((Condition) null, 1), NullPointerException.class, "condition");
        assertRejected(() -> THINGS.NAME.like(null), NullPointerException.class, "pattern");
        assertRejected(() -> THINGS.NAME.contains(null), NullPointerException.class, "text");
        assertRejected(() -> THINGS.NAME.concat((String) null), NullPointerException.class, "text");
        assertRejected(() -> THINGS.ID.in((List<Long>) null), NullPointerException.class, "values");
        assertRejected(() -> val(null), NullPointerException.class, "value", "nullOf(type)");
        assertRejected(() -> coalesce(THINGS.QTY, (Integer) null), NullPointerException.class, "fallback");
        assertRejected(() -> THINGS.c(null), NullPointerException.class, "columnName");
    }

    @Test
    void eqNullRendersIsNullNeverEqualsNull() {
        // Retort's documented behaviour: eq(null) means IS NULL, since "= NULL" is never true in SQL.
        String eq = sql(select(THINGS.ID).where(THINGS.NAME.eq((String) null)));
        String ne = sql(select(THINGS.ID).where(THINGS.NAME.ne((String) null)));
        assertThat(eq).endsWith("WHERE things.name IS NULL").doesNotContain("= NULL").doesNotContain("?");
        assertThat(ne).endsWith("WHERE things.name IS NOT NULL").doesNotContain("<> NULL");
    }

    @Test
    void orderingComparisonsWithNullPointToIsNull() {
        assertRejected(() -> THINGS.QTY.gt((Integer) null), NullPointerException.class, "gt(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.ge((Integer) null), NullPointerException.class, "ge(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.lt((Integer) null), NullPointerException.class, "lt(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.le((Integer) null), NullPointerException.class, "le(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.between(null, 3), NullPointerException.class, "between(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.notBetween(1, null), NullPointerException.class, "isNull()");
        assertRejected(() -> THINGS.QTY.in(1, null, 3), NullPointerException.class, "in(null)", "isNull()");
        assertRejected(() -> THINGS.QTY.notIn(Arrays.asList(1, null)), NullPointerException.class, "notIn(null)");
        assertRejected(() -> THINGS.QTY.plus((Integer) null), NullPointerException.class, "plus(null)");
    }
}
