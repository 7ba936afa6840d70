package io.retort.testing.schema;

import io.retort.schema.ReferentialAction;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Sequence;
import io.retort.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.BINARY;
import static io.retort.type.SqlTypes.BOOLEAN;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.TIME;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.UUID;
import static io.retort.type.SqlTypes.arrayOf;
import static io.retort.type.SqlTypes.charType;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.nativeEnum;
import static io.retort.type.SqlTypes.varchar;

/** Tables for the schema scenarios: one of each feature a model carries, and a schema in two versions. */
public final class SchemaTables {
    private SchemaTables() {
    }

    /** Labels of the native enum type. */
    public enum Mood { HAPPY, SAD }

    /** A parent with an identity key, a unique name, a comment and a server default. */
    public static final class Owners extends Table {
        public static final Owners OWNERS = new Owners();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<String> NAME = column("name", varchar(50), notNull(), unique());
        public final Column<LocalDateTime> CREATED = column("created", TIMESTAMP, serverDefault("now()"), notNull());
        public final Column<Boolean> ACTIVE = column("active", BOOLEAN, serverDefault("true"));

        private Owners() {
            super("sch_owners");
            tableComment("who owns things");
        }
    }

    /** A child of every type, with a check, a composite unique, indexes and a cascading foreign key. */
    public static final class Things extends Table {
        public static final Things THINGS = new Things();
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<Long> OWNER_ID = column("owner_id", BIGINT,
                references(() -> Owners.OWNERS.ID).onDelete(ReferentialAction.CASCADE));
        public final Column<Integer> PARENT_ID = column("parent_id", INTEGER, references(() -> Things.THINGS.ID));
        public final Column<BigDecimal> PRICE = column("price", decimal(10, 2), serverDefault("0"), check(c -> c.ge(BigDecimal.ZERO)));
        public final Column<BigDecimal> EXACT = column("exact", decimal());
        public final Column<String> NOTE = column("note", TEXT, comment("free text"));
        public final Column<String> CODE = column("code", charType(3), serverDefault("'abc'"));
        public final Column<Double> RATIO = column("ratio", DOUBLE);
        public final Column<java.time.LocalDate> DAY = column("day", DATE);
        public final Column<java.time.LocalTime> AT = column("at_time", TIME);
        public final Column<OffsetDateTime> STAMP = column("stamp", TIMESTAMPTZ);
        public final Column<java.util.UUID> TOKEN = column("token", UUID);
        public final Column<byte[]> DATA = column("data", BINARY);
        public final Column<Mood> MOOD = column("mood", nativeEnum(Mood.class, "sch_mood"));
        public final Column<List<Integer>> TAGS = column("tags", arrayOf(INTEGER));

        private Things() {
            super("sch_things");
            uniqueConstraint("uq_sch_things_owner_code", OWNER_ID, CODE);
            index("ix_sch_things_day", DAY, ID);
            uniqueIndex("ux_sch_things_token", TOKEN);
        }
    }

    /** A table in a schema of its own, referencing one in the default schema. */
    public static final class Notes extends Table {
        public static final Notes NOTES = new Notes();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<Long> OWNER_ID = column("owner_id", BIGINT, notNull(), references(() -> Owners.OWNERS.ID));
        public final Column<String> BODY = column("body", varchar(200), indexed());

        private Notes() {
            super("sch_side", "sch_notes");
        }
    }

    /** Every feature, a sequence, and a table in another schema. */
    public static final MetaData KITCHEN_SINK = MetaData.of(Owners.OWNERS, Things.THINGS, Notes.NOTES)
            .with(new Sequence(null, "sch_numbers", 5, 2));

    /** Version 1 of an evolving schema. */
    public static final class AuthorsV1 extends Table {
        public static final AuthorsV1 AUTHORS = new AuthorsV1();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<String> NAME = column("name", varchar(50));
        public final Column<String> NICK = column("nick", varchar(20));

        private AuthorsV1() {
            super("mig_authors");
        }
    }

    /** Version 2: a longer, required name, an email with an index, no nick, and a new table referencing it. */
    public static final class AuthorsV2 extends Table {
        public static final AuthorsV2 AUTHORS = new AuthorsV2();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<String> NAME = column("name", varchar(100), notNull());
        public final Column<String> EMAIL = column("email", varchar(200));

        private AuthorsV2() {
            super("mig_authors");
            index("ix_mig_authors_email", EMAIL);
        }
    }

    /** New in version 2. */
    public static final class Books extends Table {
        public static final Books BOOKS = new Books();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<Long> AUTHOR_ID = column("author_id", BIGINT, notNull(), references(() -> AuthorsV2.AUTHORS.ID));
        public final Column<String> TITLE = column("title", varchar(200), notNull());
        public final Column<Mood> MOOD = column("mood", nativeEnum(Mood.class, "mig_mood"));

        private Books() {
            super("mig_books");
        }
    }

    /** Version 1 with its nick renamed to handle, declared with a hint. */
    public static final class AuthorsRenamed extends Table {
        public static final AuthorsRenamed AUTHORS = new AuthorsRenamed();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<String> NAME = column("name", varchar(50));
        public final Column<String> HANDLE = column("handle", varchar(20), renamedFrom("nick"));

        private AuthorsRenamed() {
            super("mig_authors");
        }
    }

    /** Version 1 with a column renamed. */
    public static final MetaData V1_RENAMED = MetaData.of(AuthorsRenamed.AUTHORS);

    /** The evolving schema, version 1. */
    public static final MetaData V1 = MetaData.of(AuthorsV1.AUTHORS);
    /** The evolving schema, version 2. */
    public static final MetaData V2 = MetaData.of(AuthorsV2.AUTHORS, Books.BOOKS);
}
