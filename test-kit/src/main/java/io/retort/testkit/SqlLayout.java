package io.retort.testkit;

/**
 * How expected SQL may be laid out: over several lines (a text block), each line break with the spaces around it
 * standing for one space, and leading and trailing white space ignored. Spaces inside a line are kept as they are,
 * so a string literal's spaces still count.
 */
final class SqlLayout {
    private SqlLayout() {
    }

    /**
     * @param sql SQL as written in a test or a golden file
     * @return it on one line
     */
    static String oneLine(String sql) {
        return sql.strip().replaceAll("[ \\t]*\\R\\s*", " ");
    }
}
