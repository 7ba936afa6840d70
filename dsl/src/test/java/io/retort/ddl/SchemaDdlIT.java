package io.retort.ddl;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import io.retort.type.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.ddl.DdlSchema.Children.CHILDREN;
import static io.retort.ddl.DdlSchema.Departments.DEPARTMENTS;
import static io.retort.ddl.DdlSchema.Employees.EMPLOYEES;
import static io.retort.ddl.DdlSchema.Everything.EVERYTHING;
import static io.retort.ddl.DdlSchema.Invoices.INVOICES;
import static io.retort.ddl.DdlSchema.Jobs.JOBS;
import static io.retort.ddl.DdlSchema.ORDER_NUMBERS;
import static io.retort.ddl.DdlSchema.Parents.PARENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaDdlIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void createAllIsIdempotentAndConstraintsHold(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            MetaData md = DdlSchema.portable();
            db.createAll(md);
            db.createAll(md);

            UUID token = UUID.randomUUID();
            db.run(insertInto(EVERYTHING).set(EVERYTHING.SMALL, (short) 3).set(EVERYTHING.PRICE, new BigDecimal("12.50"))
                    .set(EVERYTHING.R, 1.5f).set(EVERYTHING.D, 2.25).set(EVERYTHING.CODE, "abc")
                    .set(EVERYTHING.NAME, "all").set(EVERYTHING.BODY, "long text")
                    .set(EVERYTHING.DAY, LocalDate.of(2024, 2, 29)).set(EVERYTHING.AT, LocalTime.of(23, 59, 58))
                    .set(EVERYTHING.WALL, LocalDateTime.of(2024, 2, 29, 12, 0))
                    .set(EVERYTHING.INSTANT, OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.UTC))
                    .set(EVERYTHING.TOKEN, token).set(EVERYTHING.BLOB, new byte[]{1, 2, 3})
                    .set(EVERYTHING.DOC, Json.of("{\"a\": 1}")).set(EVERYTHING.MOOD_TEXT, DdlSchema.Mood.SAD)
                    .set(EVERYTHING.MOOD, DdlSchema.Mood.HAPPY).set(EVERYTHING.SCORES, List.of(1, 2, 3))
                    .set(EVERYTHING.BALANCE, new DdlSchema.Money(new BigDecimal("99.99"))).set(EVERYTHING.ORDER, 1));

            List<Object> row = db.run(select(EVERYTHING.INT, EVERYTHING.FLAG, EVERYTHING.PRICE, EVERYTHING.TOKEN,
                    EVERYTHING.MOOD_TEXT, EVERYTHING.BALANCE, EVERYTHING.ORDER).from(EVERYTHING)
                    .where(EVERYTHING.MOOD.eq(DdlSchema.Mood.HAPPY))).get(0);
            assertThat(row.get(0)).as("server default").isEqualTo(7);
            assertThat(row.get(1)).as("server default").isEqualTo(false);
            assertThat(row.get(2)).isEqualTo(new BigDecimal("12.50"));
            assertThat(row.get(3)).isEqualTo(token);
            assertThat(row.get(4)).isEqualTo("SAD");
            assertThat(row.get(5)).isEqualTo(new BigDecimal("99.99"));
            assertThat(row.get(6)).isEqualTo(1);

            assertThatThrownBy(() -> db.run(insertInto(EVERYTHING).set(EVERYTHING.ORDER, -1)))
                    .as("column check").isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("ck_everything_order"));
            assertThatThrownBy(() -> db.run(insertInto(EVERYTHING).set(EVERYTHING.TOKEN, token)))
                    .as("unique token").isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> db.run(insertInto(EVERYTHING).set(EVERYTHING.PRICE, new BigDecimal("-1.00"))))
                    .as("table check").isInstanceOf(IllegalStateException.class);

            db.run(insertInto(PARENTS).set(PARENTS.REGION, "eu").set(PARENTS.NUMBER, 1).set(PARENTS.LABEL, "one"));
            db.run(insertInto(CHILDREN).columns(CHILDREN.ID, CHILDREN.REGION, CHILDREN.NUMBER, CHILDREN.PARENT_CHILD)
                    .values(1L, "eu", 1, null).values(2L, "eu", 1, 1L));
            assertThatThrownBy(() -> db.run(insertInto(CHILDREN).set(CHILDREN.ID, 3L).set(CHILDREN.REGION, "us")
                    .set(CHILDREN.NUMBER, 9))).as("composite foreign key").isInstanceOf(IllegalStateException.class);
            db.run(update(PARENTS).set(PARENTS.NUMBER, 2).where(PARENTS.REGION.eq("eu")));
            assertThat(db.run(select(CHILDREN.NUMBER).from(CHILDREN).orderBy(CHILDREN.ID)))
                    .as("ON UPDATE CASCADE").containsExactly(List.of(2), List.of(2));
            db.run(deleteFrom(PARENTS).where(PARENTS.REGION.eq("eu")));
            assertThat(db.run(select(count()).from(CHILDREN))).as("ON DELETE CASCADE").containsExactly(List.of(0L));

            db.run(insertInto(DEPARTMENTS).set(DEPARTMENTS.ID, 1L));
            db.run(insertInto(EMPLOYEES).set(EMPLOYEES.ID, 10L).set(EMPLOYEES.DEPARTMENT, 1L));
            db.run(update(DEPARTMENTS).set(DEPARTMENTS.HEAD, 10L).where(DEPARTMENTS.ID.eq(1L)));
            assertThatThrownBy(() -> db.run(update(DEPARTMENTS).set(DEPARTMENTS.HEAD, 99L).where(DEPARTMENTS.ID.eq(1L))))
                    .as("the cycle-closing foreign key exists").isInstanceOf(IllegalStateException.class);

            assertThat(db.run(select(ORDER_NUMBERS.nextValue()))).containsExactly(List.of(100L));
            assertThat(db.run(select(ORDER_NUMBERS.nextValue()))).containsExactly(List.of(105L));

            SchemaDdl.dropAll(md, db.connection());
            SchemaDdl.dropAll(md, db.connection());
            assertThatThrownBy(() -> db.run(select(count()).from(PARENTS))).isInstanceOf(IllegalStateException.class);
            db.createAll(md);
            assertThat(db.run(select(count()).from(EVERYTHING))).as("recreated empty").containsExactly(List.of(0L));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void tablesInSchemas(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            MetaData md = MetaData.of(INVOICES);
            try {
                db.createAll(md);
                db.run(insertInto(INVOICES).set(INVOICES.ID, 5L));
                assertThat(db.run(select(INVOICES.ID).from(INVOICES))).containsExactly(List.of(5L));
            } finally {
                SchemaDdl.dropAll(md, db.connection());
                db.execute("DROP SCHEMA IF EXISTS billing_ddl_test CASCADE");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void partialIndexOnPostgres() {
        try (TestDatabase db = TestDatabase.open(Dialects.POSTGRES)) {
            db.createAll(MetaData.of(JOBS));
            db.createAll(MetaData.of(JOBS));
            assertThat(db.run(io.retort.Sql.text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_jobs_pending'")
                    .columns(JOBS.STATE)).get(0).get(0).toString()).contains("WHERE").contains("pending");
        }
    }
}
