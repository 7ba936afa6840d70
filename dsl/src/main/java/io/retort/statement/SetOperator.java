package io.retort.statement;

/** The set operations between queries. */
public enum SetOperator {
    UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), EXCEPT("EXCEPT");

    private final String sql;

    SetOperator(String sql) {
        this.sql = sql;
    }

    /** @return the operator as SQL writes it */
    public String sql() {
        return sql;
    }
}
