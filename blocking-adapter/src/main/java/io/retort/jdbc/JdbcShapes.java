package io.retort.jdbc;

import io.retort.engine.internal.ResultShape;
import io.retort.expression.Expression;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the shared {@link ResultShape} from JDBC result-set metadata. */
final class JdbcShapes {
    private JdbcShapes() {
    }

    static ResultShape of(List<Expression<?>> expressions, ResultSetMetaData meta) throws SQLException {
        int n = meta.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(meta.getColumnLabel(i + 1));
        }
        return ResultShape.of(expressions, labels);
    }
}
