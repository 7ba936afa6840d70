package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.exception.InvalidIdentifierException;
import io.retort.schema.Column;
import io.retort.schema.Identifiers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Insert;
import io.retort.statement.Statement;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.retort.Sql.coalesce;
import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.or;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R17 {@code sqlInjectionCorpus}: about 500 payloads through every DSL entry point that takes a value, and
 * through the identifier quoting API. Values must always be bound (the rendered SQL never holds a payload
 * and does not change with it); running them changes no schema and no canary row; {@code contains} and
 * friends match the payload literally.
 */
class SqlInjectionCorpusIT {
    private static final List<String> PAYLOADS = InjectionPayloads.all();

    /** The table payloads are stored in and searched. */
    static final class Corpus extends Table {
        static final Corpus CORPUS = new Corpus("corpus");
        static final Corpus SINK = new Corpus("sink");
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> V = column("v", TEXT);
        final Column<String> NV = column("nv", TEXT);

        private Corpus(String name) {
            super(name);
        }
    }

    /** Tables the payloads try to drop or change; their rows are the canary. */
    static final class Canary extends Table {
        static final Canary CANARY = new Canary("canary");
        static final Canary T = new Canary("t");
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> V = column("v", TEXT);

        private Canary(String name) {
            super(name);
        }
    }

    /** A table whose name and columns are payloads, created through DDL. */
    static final class Weird extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final List<Column<Integer>> cols = new ArrayList<>();

        Weird(String name, List<String> columnNames) {
            super(name);
            for (String c : columnNames) {
                cols.add(column(c, INTEGER));
            }
        }
    }

    private static final Corpus C = Corpus.CORPUS;
    private static final Corpus S = Corpus.SINK;

    /** Every DSL entry point that takes a value, as a statement built around one payload. */
    private static final Map<String, Function<String, Statement>> ENTRY_POINTS = new LinkedHashMap<>();

    @BeforeAll
    static void entryPoints() {
        ENTRY_POINTS.put("eq", p -> select(C.ID).from(C).where(C.V.eq(p)));
        ENTRY_POINTS.put("ne", p -> select(C.ID).from(C).where(C.V.ne(p)));
        ENTRY_POINTS.put("gt", p -> select(C.ID).from(C).where(C.V.gt(p)));
        ENTRY_POINTS.put("lt", p -> select(C.ID).from(C).where(C.V.lt(p)));
        ENTRY_POINTS.put("in", p -> select(C.ID).from(C).where(C.V.in(p, "\u0002none")));
        ENTRY_POINTS.put("notIn", p -> select(C.ID).from(C).where(C.V.notIn(List.of(p))));
        ENTRY_POINTS.put("between", p -> select(C.ID).from(C).where(C.V.between(p, p)));
        ENTRY_POINTS.put("like", p -> select(C.ID).from(C).where(C.V.like(p)));
        ENTRY_POINTS.put("notLike", p -> select(C.ID).from(C).where(C.V.notLike(p)));
        ENTRY_POINTS.put("ilike", p -> select(C.ID).from(C).where(C.V.ilike(p)));
        ENTRY_POINTS.put("contains", p -> select(C.ID).from(C).where(C.V.contains(p)));
        ENTRY_POINTS.put("startsWith", p -> select(C.ID).from(C).where(C.V.startsWith(p)));
        ENTRY_POINTS.put("endsWith", p -> select(C.ID).from(C).where(C.V.endsWith(p)));
        ENTRY_POINTS.put("concat", p -> select(C.V.concat(p)).from(C));
        ENTRY_POINTS.put("case", p -> select(when(C.ID.eq(-1L), "x").otherwise(p)).from(C));
        ENTRY_POINTS.put("caseWhen", p -> select(when(C.V.eq(p), p)).from(C));
        ENTRY_POINTS.put("coalesce", p -> select(coalesce(C.NV, p)).from(C));
        ENTRY_POINTS.put("val", p -> select(val(p)));
        ENTRY_POINTS.put("insertSet", p -> insertInto(S).set(S.ID, 1L).set(S.V, p));
        ENTRY_POINTS.put("insertValues", p -> insertInto(S).columns(S.ID, S.V).values(1L, p).values(2L, p));
        ENTRY_POINTS.put("insertRows", p -> insertInto(S).rows(List.of(Map.of("id", 1L, "v", p))));
        ENTRY_POINTS.put("updateSet", p -> update(S).set(S.V, p).where(S.V.eq(p)));
        ENTRY_POINTS.put("deleteWhere", p -> deleteFrom(S).where(S.V.eq(p)));
        ENTRY_POINTS.put("textBind", p -> text("SELECT id FROM corpus WHERE v = :p OR nv = :p").bind("p", p));
    }

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @Test
    void corpusHasAboutFiveHundredDistinctPayloads() {
        assertThat(PAYLOADS).doesNotHaveDuplicates();
        assertThat(PAYLOADS.size()).as("payloads").isBetween(450, 650);
        assertThat(PAYLOADS.stream().filter(p -> p.length() >= 10240).count()).as("10 KB payloads").isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void renderedSqlNeverHoldsAPayload(Dialect dialect) {
        for (PlaceholderStyle style : PlaceholderStyle.values()) {
            Compiler uncached = new Compiler(dialect, style, 0);
            int checked = 0;
            List<String> leaks = new ArrayList<>();
            for (var entry : ENTRY_POINTS.entrySet()) {
                String neutral = uncached.compile(entry.getValue().apply("neutral")).sql();
                for (String p : PAYLOADS) {
                    String sql = uncached.compile(entry.getValue().apply(p)).sql();
                    checked++;
                    if (!sql.equals(neutral) || (sql.contains(p) && !neutral.contains(p))) {
                        leaks.add(entry.getKey() + ": " + abbreviate(p));
                    }
                }
            }
            assertThat(leaks).as("%s/%s: payload substrings in rendered SQL, over %s payloads x %s entry points = %s "
                            + "statements", dialect, style, PAYLOADS.size(), ENTRY_POINTS.size(), checked)
                    .isEmpty();
            assertThat(checked).isEqualTo(PAYLOADS.size() * ENTRY_POINTS.size());
            // control: the same check flags the debug rendering, which writes values in, so it can fail
            Statement probe = ENTRY_POINTS.get("eq").apply("' OR 1=1--");
            assertThat(uncached.renderInline(probe)).contains("' OR 1=1--".replace("'", "''"));
        }
    }

    @Test
    void identifiersAreQuotedWithDoubledQuotesOrRejected() {
        int quoted = 0;
        int rejected = 0;
        for (Dialect dialect : dialects()) {
            for (String p : PAYLOADS) {
                if (p.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
                    assertThatThrownBy(() -> dialect.quote(p)).isInstanceOf(InvalidIdentifierException.class)
                            .hasMessageContaining("the limit is 63");
                    assertThatThrownBy(() -> dialect.identifier(p)).isInstanceOf(InvalidIdentifierException.class);
                    rejected++;
                    continue;
                }
                String q = dialect.quote(p);
                assertThat(q).isEqualTo('"' + p.replace("\"", "\"\"") + '"');
                // between the outer quotes, every quote is doubled: no way to close the identifier early
                assertThat(q.substring(1, q.length() - 1).replace("\"\"", "")).doesNotContain("\"");
                String id = dialect.identifier(p);
                assertThat(id).isIn(q, p);
                if (id.equals(p)) {
                    assertThat(p).matches("[a-z_][a-z0-9_]*");
                }
                quoted++;
            }
        }
        assertThat(quoted + rejected).as("identifier payloads checked on 2 dialects: %s quoted, %s rejected as too long",
                quoted, rejected).isEqualTo(2 * PAYLOADS.size());
        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void payloadsRunAsDataOnly(Dialect dialect) throws SQLException {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(C, S, Canary.CANARY, Canary.T));
            for (Canary canary : List.of(Canary.CANARY, Canary.T)) {
                db.run(insertInto(canary).columns(canary.ID, canary.V).values(1L, "one").values(2L, "two").values(3L, "three"));
            }
            int n = PAYLOADS.size();
            Map<String, Long> idOf = new LinkedHashMap<>();
            Insert all = insertInto(C).columns(C.ID, C.V);
            for (int i = 0; i < n; i++) {
                idOf.put(PAYLOADS.get(i), (long) i + 1);
                all = all.values((long) i + 1, PAYLOADS.get(i));
            }
            db.run(all);
            Set<String> schemaBefore = schema(db);
            List<List<Object>> canaryBefore = canaryRows(db);

            // insert values: every payload reads back unchanged
            List<List<Object>> stored = db.run(select(C.ID, C.V).from(C).orderBy(C.ID));
            assertThat(stored).hasSize(n);
            for (List<Object> row : stored) {
                assertThat(row.get(1)).isEqualTo(PAYLOADS.get(((Number) row.get(0)).intValue() - 1));
            }

            int queries = 0;
            int likeRejectedByDatabase = 0;
            for (String p : PAYLOADS) {
                long id = idOf.get(p);
                assertThat(ids(db, select(C.ID).from(C).where(C.V.eq(p)))).as("eq").containsExactly(id);
                assertThat(ids(db, select(C.ID).from(C).where(C.V.in(p, "\u0002none")))).as("in").containsExactly(id);
                assertThat(ids(db, select(C.ID).from(C).where(C.V.between(p, p)))).as("between").containsExactly(id);
                assertThat(countOf(db, select(count()).from(C).where(C.V.ne(p)))).as("ne").isEqualTo(n - 1);
                assertThat(countOf(db, select(count()).from(C).where(or(C.V.gt(p), C.V.lt(p))))).as("gt/lt").isEqualTo(n - 1);
                assertThat(countOf(db, select(count()).from(C).where(C.V.notIn(List.of(p))))).as("notIn").isEqualTo(n - 1);
                assertThat(ids(db, select(C.ID).from(C).where(C.V.contains(p)))).as("contains %s", abbreviate(p))
                        .containsExactlyInAnyOrderElementsOf(expected(idOf, v -> v.contains(p)));
                assertThat(ids(db, select(C.ID).from(C).where(C.V.startsWith(p)))).as("startsWith %s", abbreviate(p))
                        .containsExactlyInAnyOrderElementsOf(expected(idOf, v -> v.startsWith(p)));
                assertThat(ids(db, select(C.ID).from(C).where(C.V.endsWith(p)))).as("endsWith %s", abbreviate(p))
                        .containsExactlyInAnyOrderElementsOf(expected(idOf, v -> v.endsWith(p)));
                try {
                    // like() takes a pattern: it matches itself unless it uses the default escape character
                    List<Long> matched = ids(db, select(C.ID).from(C).where(C.V.like(p)));
                    if (!p.contains("\\")) {
                        assertThat(matched).as("like %s", abbreviate(p)).contains(id);
                    }
                } catch (IllegalStateException e) {
                    assertThat(p).contains("\\");
                    assertThat(((SQLException) e.getCause()).getSQLState()).as("like %s", abbreviate(p)).isEqualTo("22025");
                    likeRejectedByDatabase++;
                }
                List<List<Object>> echo = db.run(select(val(p), C.V.concat(p), when(C.ID.eq(-1L), "x").otherwise(p),
                        coalesce(C.NV, p), when(C.V.eq(p), p)).from(C).where(C.ID.eq(id)));
                assertThat(echo).containsExactly(List.of(p, p + p, p, p, p));
                assertThat(ids(db, text("SELECT id FROM corpus WHERE v = :p OR nv = :p").bind("p", p)))
                        .as("text bind").containsExactly(id);
                queries += 12;
            }

            // insert set, update set and delete where, one payload at a time
            for (String p : PAYLOADS) {
                db.run(insertInto(S).set(S.ID, idOf.get(p)).set(S.V, p));
            }
            for (String p : PAYLOADS) {
                assertThat(db.run(update(S).set(S.NV, p).where(S.V.eq(p)))).containsExactly(List.of(1));
            }
            assertThat(countOf(db, select(count()).from(S).where(S.V.eq(S.NV)))).isEqualTo(n);
            for (String p : PAYLOADS) {
                assertThat(db.run(deleteFrom(S).where(S.NV.eq(p)))).containsExactly(List.of(1));
            }
            queries += 3 * n + 2;

            assertThat(schema(db)).as("schema after %s statements carrying payloads on %s", queries, dialect)
                    .isEqualTo(schemaBefore);
            assertThat(canaryRows(db)).as("canary rows after %s statements on %s", queries, dialect)
                    .isEqualTo(canaryBefore).hasSize(6);
            assertThat(countOf(db, select(count()).from(C))).as("corpus rows").isEqualTo(n);
            assertThat(likeRejectedByDatabase).as("like() patterns the database refused (trailing escape)")
                    .isLessThan(n / 10);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void payloadIdentifiersCreateAndQueryQuotedTablesAndColumns(Dialect dialect) throws SQLException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of("ID"));
        for (String p : PAYLOADS) {
            // H2 folds unquoted names to upper case, so keep names distinct regardless of case
            if (p.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES && !p.isBlank()
                    && seen.add(p.toUpperCase(Locale.ROOT))) {
                names.add(p);
            }
        }
        String tableName = "t\"; DROP TABLE canary; --";
        Weird weird = new Weird(tableName, names);
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(Canary.CANARY));
            db.run(insertInto(Canary.CANARY).columns(Canary.CANARY.ID, Canary.CANARY.V).values(1L, "one"));
            Set<String> before = schema(db);
            db.createAll(MetaData.of(weird));
            Set<String> after = schema(db);
            after.removeAll(before);
            assertThat(after).as("the only new objects are the payload-named table and its %s payload-named columns",
                    names.size()).hasSize(names.size() + 2).allMatch(s -> s.startsWith(tableName + "."));

            Insert insert = insertInto(weird).set(weird.ID, 1L);
            for (int i = 0; i < weird.cols.size(); i++) {
                insert = insert.set(weird.cols.get(i), i);
            }
            db.run(insert);
            List<Object> row = db.run(io.retort.Sql.selectFrom(weird)).get(0);
            for (int i = 0; i < weird.cols.size(); i++) {
                assertThat(row.get(i + 1)).as("column %s", abbreviate(names.get(i))).isEqualTo(i);
            }

            // payloads as result labels: the database reports each label as written
            var labelled = select(names.stream().map(nm -> val(1).as(nm)).toList());
            var compiled = db.compiler().compile(labelled);
            try (PreparedStatement ps = db.connection().prepareStatement(compiled.sql())) {
                var values = db.compiler().bind(compiled, labelled);
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    assertThat(md.getColumnCount()).isEqualTo(names.size());
                    for (int i = 0; i < names.size(); i++) {
                        String label = md.getColumnLabel(i + 1);
                        String wanted = names.get(i);
                        if (dialect.identifier(wanted).equals(wanted)) {
                            assertThat(label).isEqualToIgnoringCase(wanted);
                        } else {
                            assertThat(label).isEqualTo(wanted);
                        }
                    }
                }
            }
            assertThat(canaryRows(db)).as("canary after %s payload identifiers", names.size()).hasSize(1);
        }
    }

    private static Set<Long> expected(Map<String, Long> idOf, java.util.function.Predicate<String> match) {
        Set<Long> ids = new TreeSet<>();
        idOf.forEach((v, id) -> {
            if (match.test(v)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Long> ids(TestDatabase db, Statement s) {
        return db.run(s).stream().map(r -> ((Number) r.get(0)).longValue()).toList();
    }

    private static long countOf(TestDatabase db, Statement s) {
        return ((Number) db.run(s).get(0).get(0)).longValue();
    }

    private static List<List<Object>> canaryRows(TestDatabase db) {
        List<List<Object>> rows = new ArrayList<>();
        for (Canary c : List.of(Canary.CANARY, Canary.T)) {
            if (schema(db).stream().anyMatch(s -> s.equalsIgnoreCase(c.name() + ".id"))) {
                rows.addAll(db.run(select(c.ID, c.V).from(c).orderBy(c.ID)));
            }
        }
        return rows;
    }

    /** @return "table.column" for every column of the test's schema (and each table name once, as "table.") */
    private static Set<String> schema(TestDatabase db) {
        try {
            DatabaseMetaData md = db.connection().getMetaData();
            String schema = db.connection().getSchema();
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = md.getTables(null, schema, "%", null)) {
                while (rs.next()) {
                    String type = rs.getString("TABLE_TYPE");
                    if (type == null || !type.endsWith("TABLE") || type.contains("SYSTEM")) {
                        continue;
                    }
                    out.add(rs.getString("TABLE_NAME") + ".");
                }
            }
            try (ResultSet rs = md.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String p) {
        return p.length() <= 40 ? "[" + p + "]" : "[" + p.substring(0, 40) + "... (" + p.length() + " chars)]";
    }
}
