package io.retort.ddl;

import io.retort.compile.DdlCompiler;
import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.exception.RetortException;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.schema.MetaData;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs {@code createAll} / {@code dropAll} on a JDBC connection. The engine wraps this as
 * {@code metadata.createAll(engine)}; until then, hand it a {@link Connection} or a {@link DataSource}.
 * On PostgreSQL the whole script runs in one transaction, so a failure leaves nothing half-created.
 */
public final class SchemaDdl {
    private SchemaDdl() {
    }

    /**
     * @param metadata   the schema
     * @param dataSource where to create it
     */
    public static void createAll(MetaData metadata, DataSource dataSource) {
        withConnection(dataSource, c -> createAll(metadata, c));
    }

    /**
     * @param metadata   the schema
     * @param dataSource where to drop it from
     */
    public static void dropAll(MetaData metadata, DataSource dataSource) {
        withConnection(dataSource, c -> dropAll(metadata, c));
    }

    /**
     * Creates every table, sequence, type and index that does not exist yet.
     *
     * @param metadata   the schema
     * @param connection an open connection; its auto-commit setting is restored afterwards
     */
    public static void createAll(MetaData metadata, Connection connection) {
        run(new DdlCompiler(dialectOf(connection)).createAll(metadata), connection);
    }

    /**
     * Drops every table, sequence and type of the schema that exists.
     *
     * @param metadata   the schema
     * @param connection an open connection
     */
    public static void dropAll(MetaData metadata, Connection connection) {
        run(new DdlCompiler(dialectOf(connection)).dropAll(metadata), connection);
    }

    /**
     * @param connection an open connection
     * @return the dialect of the database it is connected to
     * @throws UnsupportedByDialectException for a database Retort has no dialect for
     */
    public static Dialect dialectOf(Connection connection) {
        String product;
        try {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new RetortException("Could not read the database product name from the JDBC connection", e);
        }
        return Dialects.forProductName(product);
    }

    private interface ConnectionWork {
        void run(Connection connection);
    }

    private static void withConnection(DataSource dataSource, ConnectionWork work) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new RetortException("Could not get a connection for DDL: " + e.getMessage(), e);
        }
    }

    private static void run(List<String> statements, Connection connection) {
        String current = null;
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) {
                    current = sql;
                    st.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            RetortException failure = new RetortException("DDL failed: " + e.getMessage() + "\nSQL [" + io.retort.exception.internal.DriverMessages.sqlForMessage(current) + "]", e);
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the caller's close will discard it
            }
        }
    }
}
