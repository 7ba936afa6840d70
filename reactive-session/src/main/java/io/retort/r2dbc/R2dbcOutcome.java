package io.retort.r2dbc;

import io.retort.engine.Row;
import io.retort.orm.internal.StatementOutcome;

import java.util.ArrayList;
import java.util.List;

/** What a statement of a session program returned on R2DBC; {@code execute} hands the rows to its caller. */
record R2dbcOutcome(List<Row> rowList, long rowCount) implements StatementOutcome {
    @Override
    public List<Object[]> rows() {
        List<Object[]> values = new ArrayList<>(rowList.size());
        for (Row row : rowList) {
            values.add(row.values().toArray());
        }
        return values;
    }
}
