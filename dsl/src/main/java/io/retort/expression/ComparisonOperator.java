package io.retort.expression;

/** The binary comparison operators, with their SQL spelling. */
public enum ComparisonOperator {
    EQ("="), NE("<>"), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String sql;

    ComparisonOperator(String sql) {
        this.sql = sql;
    }

    /** @return the operator as SQL writes it */
    public String sql() {
        return sql;
    }
}
