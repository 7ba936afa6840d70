package io.retort.expression;

/** The arithmetic operators, with their SQL spelling. */
public enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MODULO("%");

    private final String sql;

    ArithmeticOperator(String sql) {
        this.sql = sql;
    }

    /** @return the operator as SQL writes it */
    public String sql() {
        return sql;
    }
}
