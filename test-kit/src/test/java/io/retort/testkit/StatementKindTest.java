package io.retort.testkit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatementKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SELECT kit_author.id FROM kit_author                                                   | SELECT",
            "  select 1                                                                             | SELECT",
            "(SELECT a FROM t) UNION (SELECT b FROM u)                                              | SELECT",
            "-- a comment\\nSELECT 1                                                                 | SELECT",
            "/* hint */ SELECT 1                                                                    | SELECT",
            "WITH adults AS (SELECT id FROM users WHERE age >= 18) SELECT id FROM adults           | SELECT",
            "WITH RECURSIVE tree(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM tree) SELECT * FROM tree | SELECT",
            "WITH moved AS (DELETE FROM a RETURNING id) INSERT INTO b SELECT id FROM moved          | INSERT",
            "WITH x AS (SELECT 'update' AS w) UPDATE t SET v = 1 FROM x                             | UPDATE",
            "SELECT id FROM FINAL TABLE (INSERT INTO kit_author (name) VALUES (?))                 | INSERT",
            "SELECT name FROM OLD TABLE (DELETE FROM kit_author WHERE id = ?)                      | DELETE",
            "SELECT v FROM FINAL TABLE ( UPDATE t SET v = ? )                                       | UPDATE",
            "INSERT INTO kit_author (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = ?    | INSERT",
            "UPDATE kit_author SET name = ? WHERE id = ?                                            | UPDATE",
            "DELETE FROM kit_author WHERE id = ?                                                    | DELETE",
            "MERGE INTO kit_author USING (VALUES (?)) s(n) ON kit_author.name = s.n WHEN NOT MATCHED THEN INSERT (name) VALUES (s.n) | MERGE",
            "DECLARE retort_cursor_1 NO SCROLL CURSOR FOR SELECT id FROM kit_author                | SELECT",
            "FETCH FORWARD 100 FROM retort_cursor_1                                                 | OTHER",
            "CLOSE retort_cursor_1                                                                  | OTHER",
            "CREATE TABLE t (id INT)                                                                | OTHER",
            "SET QUERY_TIMEOUT 1000                                                                 | OTHER",
            "VALUES (1), (2)                                                                        | SELECT",
            "''                                                                                     | OTHER",
    })
    void classifiesByTheMainVerb(String sql, StatementKind expected) {
        assertThat(StatementKind.of(sql.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
