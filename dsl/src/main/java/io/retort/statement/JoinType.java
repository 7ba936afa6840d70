package io.retort.statement;

/** The kinds of join. */
public enum JoinType {
    INNER("JOIN"), LEFT("LEFT JOIN"), RIGHT("RIGHT JOIN"), FULL("FULL JOIN"), CROSS("CROSS JOIN");

    private final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    /** @return the join as SQL writes it */
    public String sql() {
        return sql;
    }
}
