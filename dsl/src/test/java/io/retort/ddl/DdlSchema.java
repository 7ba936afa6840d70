package io.retort.ddl;

import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.type.Json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.BINARY;
import static io.retort.type.SqlTypes.BOOLEAN;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.JSON;
import static io.retort.type.SqlTypes.REAL;
import static io.retort.type.SqlTypes.SMALLINT;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.TIME;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.arrayOf;
import static io.retort.type.SqlTypes.charType;
import static io.retort.type.SqlTypes.converted;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.enumAsText;
import static io.retort.type.SqlTypes.nativeEnum;
import static io.retort.type.SqlTypes.varchar;

/** Tables that use every type and every kind of constraint, for the DDL tests. */
final class DdlSchema {
    private DdlSchema() {
    }

    enum Mood { HAPPY, SAD, NEUTRAL }

    /** A user type carried by a DECIMAL column through a converter. */
    record Money(BigDecimal amount) {
    }

    static final class Everything extends Table {
        static final Everything EVERYTHING = new Everything();
        final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        final Column<Short> SMALL = column("small", SMALLINT);
        final Column<Integer> INT = column("int_value", INTEGER, serverDefault("7"));
        final Column<BigDecimal> PRICE = column("price", decimal(10, 2));
        final Column<Float> R = column("r", REAL);
        final Column<Double> D = column("d", DOUBLE);
        final Column<Boolean> FLAG = column("flag", BOOLEAN, notNull(), serverDefault("FALSE"));
        final Column<String> CODE = column("code", charType(3));
        final Column<String> NAME = column("name", varchar(50), comment("display name"));
        final Column<String> BODY = column("body", TEXT);
        final Column<LocalDate> DAY = column("day", DATE);
        final Column<LocalTime> AT = column("at", TIME);
        final Column<LocalDateTime> WALL = column("wall", TIMESTAMP);
        final Column<OffsetDateTime> INSTANT = column("instant", TIMESTAMPTZ);
        final Column<UUID> TOKEN = column("token", io.retort.type.SqlTypes.UUID, unique());
        final Column<byte[]> BLOB = column("blob", BINARY);
        final Column<Json> DOC = column("doc", JSON);
        final Column<Mood> MOOD_TEXT = column("mood_text", enumAsText(Mood.class));
        final Column<Mood> MOOD = column("mood", nativeEnum(Mood.class, "mood"));
        final Column<List<Integer>> SCORES = column("scores", arrayOf(INTEGER));
        final Column<Money> BALANCE = column("balance", converted(decimal(12, 2), Money.class, Money::new, Money::amount));
        // "order" is reserved on both databases: it must be quoted
        final Column<Integer> ORDER = column("order", INTEGER, check((Column<Integer> c) -> c.ge(0)));

        private Everything() {
            super("everything");
            tableComment("one column of every type");
            checkConstraint("ck_everything_price", PRICE.ge(BigDecimal.ZERO));
            index("ix_everything_name_day", NAME, DAY);
        }
    }

    /** A composite primary key and unique constraint. */
    static final class Parents extends Table {
        static final Parents PARENTS = new Parents();
        final Column<String> REGION = column("region", varchar(10));
        final Column<Integer> NUMBER = column("number", INTEGER);
        final Column<String> LABEL = column("label", varchar(20), notNull());

        private Parents() {
            super("parents");
            primaryKeyConstraint(REGION, NUMBER);
            uniqueConstraint("uq_parents_label_region", LABEL, REGION);
        }
    }

    /** A composite foreign key with actions, and a self-reference. */
    static final class Children extends Table {
        static final Children CHILDREN = new Children();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> REGION = column("region", varchar(10), notNull());
        final Column<Integer> NUMBER = column("number", INTEGER, notNull());
        final Column<Long> PARENT_CHILD = column("parent_child_id", BIGINT, references(() -> Children.CHILDREN.ID)
                .onDelete(ReferentialAction.SET_NULL));

        private Children() {
            super("children");
            foreignKeyConstraint(List.of(REGION, NUMBER), () -> List.of(Parents.PARENTS.REGION, Parents.PARENTS.NUMBER),
                    ReferentialAction.CASCADE, ReferentialAction.CASCADE);
            uniqueIndex("uix_children_region_number_id", REGION, NUMBER, ID);
        }
    }

    /** Two tables that reference each other: the cycle is closed with ALTER TABLE after both exist. */
    static final class Departments extends Table {
        static final Departments DEPARTMENTS = new Departments();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> HEAD = column("head_employee_id", BIGINT, references(() -> Employees.EMPLOYEES.ID));

        private Departments() {
            super("departments");
        }
    }

    static final class Employees extends Table {
        static final Employees EMPLOYEES = new Employees();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> DEPARTMENT = column("department_id", BIGINT, references(() -> Departments.DEPARTMENTS.ID));

        private Employees() {
            super("employees");
        }
    }

    /** A table in its own schema. */
    static final class Invoices extends Table {
        static final Invoices INVOICES = new Invoices();
        final Column<Long> ID = column("id", BIGINT, primaryKey());

        private Invoices() {
            super("billing_ddl_test", "invoices");
        }
    }

    /** A partial index: PostgreSQL only. */
    static final class Jobs extends Table {
        static final Jobs JOBS = new Jobs();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> STATE = column("state", varchar(10), notNull());

        private Jobs() {
            super("jobs");
            partialIndex("ix_jobs_pending", false, STATE.eq("pending"), ID);
        }
    }

    static final Sequence ORDER_NUMBERS = new Sequence(null, "order_numbers", 100, 5);

    static MetaData portable() {
        return MetaData.of(Children.CHILDREN, Parents.PARENTS, Everything.EVERYTHING, Employees.EMPLOYEES,
                Departments.DEPARTMENTS).with(ORDER_NUMBERS);
    }
}
