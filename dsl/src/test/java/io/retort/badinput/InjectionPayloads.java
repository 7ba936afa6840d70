package io.retort.badinput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The R17 corpus: classic SQL injection payloads, quoting tricks and LIKE metacharacters, with variants. */
final class InjectionPayloads {
    private InjectionPayloads() {
    }

    private static final List<String> BASE = List.of(
            "' OR 1=1--", "' OR '1'='1", "\" OR \"1\"=\"1", "' OR 1=1#", "') OR ('1'='1", "1 OR 1=1",
            "'; DROP TABLE t;--", "'; DROP TABLE canary;--", "\"; DROP TABLE canary;--", "1; DELETE FROM canary",
            "'); DELETE FROM canary; --", "'; TRUNCATE canary; --", "'; UPDATE canary SET v = 'pwned'; --",
            "' UNION SELECT id, v FROM canary--", "' UNION ALL SELECT NULL--", "'; CREATE TABLE pwned(x int); --",
            "'; ALTER TABLE canary ADD COLUMN pwned int; --", "'; COMMIT; DROP TABLE t; --", "'; ROLLBACK; --",
            "'; SET search_path TO public; --", "admin'--", "admin' #", "admin'/*", "' AND 1=(SELECT COUNT(*) FROM canary)--",
            "'||(SELECT 'x')||'", "' || pg_sleep(0) || '", "'; SELECT pg_sleep(0); --", "' WAITFOR DELAY '0:0:0'--",
            "$$", "$$; DROP TABLE t; $$", "$tag$", "$tag$'; DROP TABLE t; --$tag$", "$_$", "$a$'$a$", "$1", "$2::text",
            "/*", "*/", "/* comment */", "/*! DROP TABLE t */", "--", "-- comment\n", "#",
            "\\'", "\\", "\\\\", "\\'; DROP TABLE t; --", "\\x27", "E'\\x27'", "E'\\''", "U&'\\0027'", "U&\"\\0027\"",
            "'", "''", "'''", "\"", "\"\"", "`", "``", "´", "\u02BC", "\u2019", "\u2018", "\u201C", "\u201D", "\uFF07",
            "\u02BC OR 1=1--", "\u2019; DROP TABLE t;--", "\uFF07 OR \uFF071\uFF07=\uFF071",
            ":name", ":1", "?", "??", "? OR 1=1", ":id OR 1=1", "::text", "'::text", "E'", "B'101'", "X'27'", "N'x'",
            "{fn now()}", "{d '2024-01-01'}", "%", "_", "%%", "_%_", "%_\\", "[a-z]", "[!a]", "^", "*", "a%b_c",
            "\\%", "\\_", "100%", "50% off_", "%' OR '%'='", "_' OR '_'='",
            "\r\n", "\t", "\u0001", "\u001F", "\u007F", "\u00A0", "\uFEFF", "\u200B", "\u2028", "é", "日本語",
            "\uD83D\uDE00", "NULL", "null", "TRUE", "1=1", "' OR 'a' LIKE 'a", "CHR(39)", "0x27", "char(39)",
            "' AND ascii(substr(current_user,1,1))>0--", "'; COPY canary TO '/tmp/x'; --", "'; GRANT ALL ON canary TO public; --");

    /** @return about 500 distinct payloads, none containing NUL or an unpaired surrogate */
    static List<String> all() {
        Set<String> out = new LinkedHashSet<>();
        for (String b : BASE) {
            out.add(b);
            out.add("x" + b);
            out.add(b + "x");
            out.add(b + "--");
            out.add(b.toUpperCase(Locale.ROOT));
        }
        List<String> big = new ArrayList<>();
        for (String unit : List.of("' OR 1=1--", "'", "%", "_", "$$", "\"", "\u2019", "/*", "';DROP TABLE t;--")) {
            big.add(unit.repeat(10240 / unit.length() + 1));
        }
        big.add("a".repeat(10240) + "'; DROP TABLE t;--");
        out.addAll(big);
        return List.copyOf(out);
    }
}
