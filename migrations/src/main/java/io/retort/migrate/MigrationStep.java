package io.retort.migrate;

import io.retort.schema.change.SchemaChange;
import io.retort.statement.Statement;

import java.util.Objects;

/** One step of a revision's upgrade or downgrade: a schema change, or a data step written with the DSL. */
public sealed interface MigrationStep {
    /**
     * A schema change, rendered by the dialect.
     *
     * @param change the change
     */
    record Change(SchemaChange change) implements MigrationStep {
        public Change {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A statement built with the DSL ({@code update(USERS).set(...)}), run between schema changes.
     *
     * @param statement the statement
     */
    record Data(Statement statement) implements MigrationStep {
        public Data {
            Objects.requireNonNull(statement, "statement");
        }
    }
}
