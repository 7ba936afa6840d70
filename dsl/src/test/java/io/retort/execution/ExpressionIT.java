package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.expression.Condition;
import io.retort.expression.Like;
import io.retort.expression.Param;
import io.retort.testing.Seed;
import io.retort.testing.TestDatabase;
import io.retort.type.SqlTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.and;
import static io.retort.Sql.coalesce;
import static io.retort.Sql.function;
import static io.retort.Sql.not;
import static io.retort.Sql.nullif;
import static io.retort.Sql.or;
import static io.retort.Sql.select;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs every expression construct on H2 and PostgreSQL against the {@link Seed} data. */
class ExpressionIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /** @return the names of the users matching {@code c}, by id */
    private static List<String> names(TestDatabase db, Condition c) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : db.rows(select(USERS.NAME).from(USERS).where(c).orderBy(USERS.ID))) {
            out.add((String) row.get(0));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void conditions(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(names(db, USERS.NAME.eq("ada"))).containsExactly("ada");
            assertThat(names(db, USERS.NAME.ne("ada"))).containsExactly("bob", "cy", "dee_x", "e%f");
            assertThat(names(db, USERS.AGE.gt(36))).containsExactly("bob");
            assertThat(names(db, USERS.AGE.ge(36))).containsExactly("ada", "bob");
            assertThat(names(db, USERS.AGE.lt(30))).containsExactly("cy");
            assertThat(names(db, USERS.AGE.le(30))).containsExactly("cy", "e%f");
            assertThat(names(db, USERS.EMAIL.eq((String) null))).containsExactly("cy", "e%f");
            assertThat(names(db, USERS.EMAIL.ne((String) null))).containsExactly("ada", "bob", "dee_x");
            assertThat(names(db, USERS.AGE.isNull())).containsExactly("dee_x");
            assertThat(names(db, USERS.AGE.isNotNull())).containsExactly("ada", "bob", "cy", "e%f");
            assertThat(names(db, and(USERS.AGE.gt(20), USERS.AGE.lt(40), USERS.EMAIL.isNotNull()))).containsExactly("ada");
            assertThat(names(db, or(USERS.AGE.gt(40), USERS.AGE.lt(26)))).containsExactly("bob", "cy");
            assertThat(names(db, not(USERS.AGE.gt(30).or(USERS.AGE.isNull())))).containsExactly("cy", "e%f");
            assertThat(names(db, USERS.AGE.in(25, 41, 99))).containsExactly("bob", "cy");
            assertThat(names(db, USERS.AGE.notIn(List.of(25, 41)))).containsExactly("ada", "e%f");
            assertThat(names(db, USERS.AGE.in(List.of()))).isEmpty();
            assertThat(names(db, USERS.AGE.notIn(List.of()))).containsExactly("ada", "bob", "cy", "dee_x", "e%f");
            assertThat(names(db, USERS.ID.in(select(ADDRESSES.USER_ID)))).containsExactly("ada", "bob");
            assertThat(names(db, USERS.ID.notIn(select(ADDRESSES.USER_ID)))).containsExactly("cy", "dee_x", "e%f");
            assertThat(names(db, USERS.AGE.between(30, 36))).containsExactly("ada", "e%f");
            assertThat(names(db, USERS.AGE.notBetween(30, 36))).containsExactly("bob", "cy");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void likeAndEscaping(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(names(db, USERS.NAME.like("%e%"))).containsExactly("dee_x", "e%f");
            assertThat(names(db, USERS.NAME.like("%!_%", '!'))).containsExactly("dee_x");
            assertThat(names(db, USERS.NAME.notLike("%e%"))).containsExactly("ada", "bob", "cy");
            assertThat(names(db, USERS.NAME.ilike("A%"))).containsExactly("ada");
            assertThat(names(db, new Like(USERS.NAME, Param.of(SqlTypes.TEXT, "DEE!_%"), '!', true, false)))
                    .containsExactly("dee_x");
            // % and _ are wildcards to like() but literal text to startsWith/endsWith/contains
            assertThat(names(db, USERS.NAME.like("e_f"))).containsExactly("e%f");
            assertThat(names(db, USERS.NAME.contains("%"))).containsExactly("e%f");
            assertThat(names(db, USERS.NAME.contains("_"))).containsExactly("dee_x");
            assertThat(names(db, USERS.NAME.startsWith("e%"))).containsExactly("e%f");
            assertThat(names(db, USERS.NAME.startsWith("e_"))).isEmpty();
            assertThat(names(db, USERS.NAME.endsWith("_x"))).containsExactly("dee_x");
            assertThat(names(db, USERS.NAME.endsWith("%x"))).isEmpty();
            assertThat(names(db, USERS.NAME.contains("\\"))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void valuesArithmeticCaseCastFunctions(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var ada = USERS.NAME.eq("ada");
            assertThat(db.rows(select(USERS.AGE.plus(1), USERS.AGE.minus(2), USERS.AGE.times(3), USERS.AGE.div(5),
                    USERS.AGE.mod(5)).from(USERS).where(ada)))
                    .containsExactly(List.of(37L, 34L, 108L, 7L, 1L));
            assertThat(db.rows(select(USERS.NAME.concat("!"), USERS.NAME.concat(USERS.NAME)).from(USERS).where(ada)))
                    .containsExactly(List.of("ada!", "adaada"));
            var band = when(USERS.AGE.lt(30), "young").when(USERS.AGE.lt(40), "mid").otherwise("old");
            assertThat(db.rows(select(USERS.NAME, band).from(USERS).orderBy(USERS.ID))).containsExactly(
                    List.of("ada", "mid"), List.of("bob", "old"), List.of("cy", "young"), List.of("dee_x", "old"),
                    List.of("e%f", "mid"));
            assertThat(db.rows(select(when(USERS.AGE.isNull(), USERS.NAME)).from(USERS).where(USERS.AGE.isNull())))
                    .containsExactly(List.of("dee_x"));
            assertThat(db.rows(select(USERS.AGE.cast(SqlTypes.TEXT), USERS.NAME.cast(SqlTypes.varchar(2))).from(USERS).where(ada)))
                    .containsExactly(List.of("36", "ad"));
            assertThat(db.rows(select(coalesce(USERS.EMAIL, "none"), coalesce(USERS.EMAIL, USERS.NAME))
                    .from(USERS).where(USERS.NAME.eq("cy")))).containsExactly(List.of("none", "cy"));
            List<Object> nullRow = new ArrayList<>();
            nullRow.add(null);
            assertThat(db.rows(select(nullif(USERS.AGE, USERS.AGE.bind(36))).from(USERS).where(ada))).containsExactly(nullRow);
            assertThat(db.rows(select(function("upper", SqlTypes.TEXT, USERS.NAME), function("left", SqlTypes.TEXT, USERS.NAME, val(2)))
                    .from(USERS).where(ada))).containsExactly(List.of("ADA", "ad"));
            var shout = USERS.NAME.concat("!").as("shout");
            assertThat(db.rows(select(shout).from(USERS).where(USERS.AGE.ge(30)).orderBy(shout.desc())))
                    .containsExactly(List.of("e%f!"), List.of("bob!"), List.of("ada!"));
        }
    }
}
