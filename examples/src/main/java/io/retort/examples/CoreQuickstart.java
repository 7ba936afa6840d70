package io.retort.examples;

import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.ddl.SchemaDdl;
import io.retort.dialect.Dialects;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Table;
import io.retort.statement.Cte;
import io.retort.statement.Statement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.retort.Sql.count;
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

    private final Connection connection;
    private final Compiler compiler = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);

    private CoreQuickstart(Connection connection) {
        this.connection = connection;
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            new CoreQuickstart(connection).run();
        }
    }

    private void run() throws SQLException {
        Users u = Users.USERS;
        Addresses a = Addresses.ADDRESSES;
        MetaData metadata = MetaData.of(u, a);

        section("create_all: CREATE TABLE in foreign-key order, a no-op when the tables exist");
        SchemaDdl.dropAll(metadata, connection);
        for (String ddl : new io.retort.compile.DdlCompiler(Dialects.H2).createAll(metadata)) {
            System.out.println(ddl);
        }
        SchemaDdl.createAll(metadata, connection);

        section("insert one row, returning the generated id");
        long spongebob = (Long) run(insertInto(u).set(u.NAME, "spongebob").set(u.FULLNAME, "Spongebob Squarepants")
                .set(u.AGE, 21).returning(u.ID)).get(0).get(0);
        System.out.println("spongebob has id " + spongebob);

        section("insert many rows");
        run(insertInto(u).columns(u.NAME, u.FULLNAME, u.AGE)
                .values("sandy", "Sandy Cheeks", 35)
                .values("patrick", "Patrick Star", 33));
        run(insertInto(a).columns(a.USER_ID, a.EMAIL).values(spongebob, "spongebob@sqlalchemy.org"));

        section("insert from a select");
        run(insertInto(a).columns(a.USER_ID, a.EMAIL)
                .select(select(u.ID, u.NAME.concat("@aol.com")).from(u).where(u.NAME.in("sandy", "patrick"))));

        section("select with where and order by");
        print(run(select(u.NAME, u.AGE).from(u).where(u.AGE.gt(30)).orderBy(u.NAME)));

        section("join, inferred from the foreign key, with group by and having");
        print(run(select(u.NAME, count(a.ID).as("addresses")).from(u).join(a).groupBy(u.NAME)
                .having(count(a.ID).ge(1L)).orderBy(u.NAME)));

        section("literal-safe pattern matching: contains() escapes % and _");
        print(run(select(a.EMAIL).from(a).where(a.EMAIL.contains("@aol"))));

        section("update, then the changed row");
        run(update(u).set(u.FULLNAME, "Sandy Squirrel").where(u.NAME.eq("sandy")));
        print(run(select(u.FULLNAME).from(u).where(u.NAME.eq("sandy"))));

        section("upsert: insert or update on the unique name");
        run(insertInto(u).set(u.NAME, "patrick").set(u.AGE, 34).onConflictDoUpdate(List.of(u.NAME), set(u.AGE, excluded(u.AGE))));
        print(run(select(u.NAME, u.AGE).from(u).where(u.NAME.eq("patrick"))));

        section("a CTE and a window function");
        Cte adults = io.retort.Sql.cte("adults", select(u.NAME, u.AGE).from(u).where(u.AGE.ge(18)));
        print(run(select(adults.col(u.NAME), rank(window().orderBy(adults.col(u.AGE).desc())).as("by_age"))
                .from(adults).with(adults)));

        section("delete: the addresses go too (ON DELETE CASCADE)");
        run(deleteFrom(u).where(u.NAME.eq("spongebob")));
        print(run(select(count()).from(a)));

        section("a transaction rolled back leaves nothing behind");
        connection.setAutoCommit(false);
        run(insertInto(u).set(u.NAME, "squidward"));
        connection.rollback();
        connection.setAutoCommit(true);
        print(run(select(count()).from(u).where(u.NAME.eq("squidward"))));

        section("what the same statement looks like on PostgreSQL, for R2DBC ($n placeholders)");
        System.out.println(Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED)
                .compile(select(u.NAME).from(u).where(u.AGE.between(20, 40))).sql());
    }

    private List<List<Object>> run(Statement statement) throws SQLException {
        CompiledStatement compiled = compiler.compile(statement);
        List<BoundValue> values = compiler.bind(compiled, statement);
        System.out.println(compiled.sql());
        System.out.println("  " + values.stream().map(v -> String.valueOf(v.value())).collect(Collectors.joining(", ", "[", "]")));
        try (PreparedStatement ps = connection.prepareStatement(compiled.sql())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i).value());
            }
            List<List<Object>> rows = new ArrayList<>();
            if (!ps.execute()) {
                System.out.println("  -> " + ps.getUpdateCount() + " row(s)");
                return rows;
            }
            try (ResultSet rs = ps.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void print(List<List<Object>> rows) {
        rows.forEach(r -> System.out.println("  " + r));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
