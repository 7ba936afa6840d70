package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.orm.internal.StatementOutcome;

import java.util.ArrayList;
import java.util.List;

/** A JDBC {@link Result} as a session program reads it; {@code execute} hands the result itself to its caller. */
record JdbcOutcome(Result result, List<Object[]> rows) implements StatementOutcome {
    JdbcOutcome(Result result) {
        this(result, valuesOf(result));
    }

    private static List<Object[]> valuesOf(Result result) {
        List<Object[]> values = new ArrayList<>(result.rows().size());
        for (Row row : result.rows()) {
            values.add(row.values().toArray());
        }
        return values;
    }

    @Override
    public long rowCount() {
        return result.rowCount();
    }
}
