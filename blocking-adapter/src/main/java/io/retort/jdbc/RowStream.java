package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.engine.internal.ResultShape;
import io.retort.compile.BoundValue;
import io.retort.exception.ResourceClosedException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A result read through a cursor, {@code fetchSize} rows at a time, so a large result never sits in memory.
 * Close it (try-with-resources) to release the cursor; the connection closes it too, as does the end of the
 * transaction it runs in. Iterating a stream that was closed before its last row throws
 * {@link ResourceClosedException} rather than passing off the rows read so far as the whole result.
 */
public final class RowStream implements AutoCloseable, Iterable<Row> {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final ResultShape shape;
    private final JdbcValues values;
    private final String sql;
    private final List<BoundValue> bound;
    private final Transaction ownTransaction;
    private boolean closed;
    private boolean exhausted;
    private boolean advanced;
    private boolean hasNext;

    RowStream(Connection connection, PreparedStatement statement, ResultSet resultSet, ResultShape shape, JdbcValues values,
              String sql, List<BoundValue> bound, Transaction ownTransaction) {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.shape = shape;
        this.values = values;
        this.sql = sql;
        this.bound = bound;
        this.ownTransaction = ownTransaction;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (exhausted) {
                    return false;
                }
                if (closed) {
                    // ending quietly here would pass off the rows read so far as the whole result
                    throw new ResourceClosedException("This row stream was closed before its last row was read: by close(), "
                            + "by the end of the transaction it ran in, or by closing its connection. Read it to the end "
                            + "first, or stop iterating once you close it.");
                }
                if (!advanced) {
                    try {
                        hasNext = resultSet.next();
                    } catch (SQLException e) {
                        throw failure(e);
                    }
                    advanced = true;
                    if (!hasNext) {
                        exhausted = true;
                        close();
                    }
                }
                return hasNext;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                advanced = false;
                try {
                    return Connection.readRow(resultSet, shape, values);
                } catch (SQLException e) {
                    throw failure(e);
                }
            }
        };
    }

    /** @return the rows as a Java stream that closes this when it is closed */
    public Stream<Row> stream() {
        if (closed) {
            throw new ResourceClosedException("This row stream is closed");
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** @return whether it has been closed */
    public boolean isClosed() {
        return closed;
    }

    private RuntimeException failure(SQLException e) {
        // through the connection, so that a connection lost mid-stream also clears the pool's idle ones
        RuntimeException translated = connection.failed(e, sql, bound);
        try {
            close();
        } catch (RuntimeException closeFailure) {
            translated.addSuppressed(closeFailure);
        }
        return translated;
    }

    /** Closes the cursor and, if the stream opened a transaction for it, ends that transaction. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            resultSet.close();
            statement.close();
        } catch (SQLException e) {
            failure = connection.failed(e, sql, bound);
        }
        try {
            if (ownTransaction != null && ownTransaction.isActive()) {
                ownTransaction.rollback();
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        connection.streamClosed(this);
        if (failure != null) {
            throw failure;
        }
    }
}
