package io.retort.examples;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.jdbc.Connection;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.jdbc.Result;
import io.retort.engine.Row;
import io.retort.jdbc.RowStream;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Table;
import io.retort.statement.Cte;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.cte;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.rank;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.Sql.update;
import static io.retort.Sql.window;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/**
 * The SQLAlchemy Core tutorial, in Retort, on an embedded H2 database: declare tables, create them,
 * insert, query, join, update, delete, upsert, and roll a transaction back. Every statement is echoed
 * with its parameters before it runs.
 */
public final class CoreQuickstart {

    /** The users table: columns are typed fields. */
    public static final class Users extends Table {
        public static final Users USERS = new Users();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<String> NAME = column("name", varchar(50), notNull(), unique());
        public final Column<String> FULLNAME = column("fullname", varchar(100));
        public final Column<Integer> AGE = column("age", INTEGER);

        private Users() {
            super("users");
        }
    }

    /** Each user has many addresses. */
    public static final class Addresses extends Table {
        public static final Addresses ADDRESSES = new Addresses();
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
        public final Column<Long> USER_ID = column("user_id", BIGINT, notNull(),
                references(() -> Users.USERS.ID).onDelete(ReferentialAction.CASCADE));
        public final Column<String> EMAIL = column("email_address", varchar(100), notNull());

        private Addresses() {
            super("addresses");
        }
    }

    private final Engine engine;

    private CoreQuickstart(Engine engine) {
        this.engine = engine;
    }

    /**
     * Runs the whole tutorial, Core then ORM on an embedded H2 file database under {@code target/} (or the URL given),
     * then the async step on R2DBC (in-memory H2, or the second URL given).
     *
     * @param args an optional database URL, and an optional one for the async step
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "h2:file:./target/quickstart/tutorial";
        // echo: every statement is logged with its parameters, like create_engine(..., echo=True)
        try (Engine engine = Engine.create(url, EngineOptions.DEFAULTS.withEcho(true))) {
            new CoreQuickstart(engine).run();
            OrmQuickstart.run(engine);
        }
        AsyncQuickstart.run(args.length > 1 ? args[1] : "h2:mem:quickstart_async");
        MigrationsQuickstart.run(args.length > 2 ? args[2] : "h2:file:./target/quickstart/migrations/db");
    }

    private void run() {
        Users u = Users.USERS;
        Addresses a = Addresses.ADDRESSES;
        MetaData metadata = MetaData.of(u, a);

        section("create_all: CREATE TABLE in foreign-key order, a no-op when the tables exist");
        engine.dropAll(metadata);
        engine.createAll(metadata);

        section("insert one row, returning the generated id");
        long spongebob = engine.execute(insertInto(u).set(u.NAME, "spongebob").set(u.FULLNAME, "Spongebob Squarepants")
                .set(u.AGE, 21).returning(u.ID)).one().get(u.ID);
        System.out.println("spongebob has id " + spongebob);

        section("insert many rows");
        engine.execute(insertInto(u).columns(u.NAME, u.FULLNAME, u.AGE)
                .values("sandy", "Sandy Cheeks", 35)
                .values("patrick", "Patrick Star", 33));
        engine.execute(insertInto(a).columns(a.USER_ID, a.EMAIL).values(spongebob, "spongebob@sqlalchemy.org"));

        section("insert from a select");
        engine.execute(insertInto(a).columns(a.USER_ID, a.EMAIL)
                .select(select(u.ID, u.NAME.concat("@aol.com")).from(u).where(u.NAME.in("sandy", "patrick"))));

        section("select with where and order by");
        for (Row row : engine.execute(select(u.NAME, u.AGE).from(u).where(u.AGE.gt(30)).orderBy(u.NAME)).rows()) {
            System.out.println("  " + row.get(u.NAME) + " is " + row.get(u.AGE));
        }

        section("join, inferred from the foreign key, with group by and having");
        print(engine.execute(select(u.NAME, count(a.ID).as("addresses")).from(u).join(a).groupBy(u.NAME)
                .having(count(a.ID).ge(1L)).orderBy(u.NAME)));

        section("literal-safe pattern matching: contains() escapes % and _");
        print(engine.execute(select(a.EMAIL).from(a).where(a.EMAIL.contains("@aol"))));

        section("update, then the changed row");
        engine.execute(update(u).set(u.FULLNAME, "Sandy Squirrel").where(u.NAME.eq("sandy")));
        print(engine.execute(select(u.FULLNAME).from(u).where(u.NAME.eq("sandy"))));

        section("upsert: insert or update on the unique name");
        engine.execute(insertInto(u).set(u.NAME, "patrick").set(u.AGE, 34)
                .onConflictDoUpdate(List.of(u.NAME), set(u.AGE, excluded(u.AGE))));
        print(engine.execute(select(u.NAME, u.AGE).from(u).where(u.NAME.eq("patrick"))));

        section("a CTE and a window function");
        Cte adults = cte("adults", select(u.NAME, u.AGE).from(u).where(u.AGE.ge(18)));
        print(engine.execute(select(adults.col(u.NAME), rank(window().orderBy(adults.col(u.AGE).desc())).as("by_age"))
                .from(adults).with(adults).orderBy(adults.col(u.NAME))));

        section("delete: the addresses go too (ON DELETE CASCADE)");
        engine.execute(deleteFrom(u).where(u.NAME.eq("spongebob")));
        print(engine.execute(select(count()).from(a)));

        section("a transaction rolled back leaves nothing behind");
        try {
            engine.inTransaction(c -> {
                c.execute(insertInto(u).set(u.NAME, "squidward"));
                throw new IllegalStateException("changed my mind");
            });
        } catch (IllegalStateException expected) {
            System.out.println("  rolled back: " + expected.getMessage());
        }
        print(engine.execute(select(count()).from(u).where(u.NAME.eq("squidward"))));

        section("a large result, streamed through a cursor");
        try (Connection c = engine.connect(); RowStream rows = c.stream(select(u.NAME).from(u).orderBy(u.NAME))) {
            rows.forEach(row -> System.out.println("  streamed " + row.get(u.NAME)));
        }

        section("what the same statement looks like on PostgreSQL, for R2DBC ($n placeholders)");
        System.out.println(Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED)
                .compile(select(u.NAME).from(u).where(u.AGE.between(20, 40))).sql());
    }

    private static void print(Result result) {
        result.rows().forEach(r -> System.out.println("  " + r));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
