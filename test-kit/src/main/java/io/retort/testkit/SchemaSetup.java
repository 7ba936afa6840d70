package io.retort.testkit;

/**
 * What {@link RetortExtension} does about the schema, once per test class.
 */
public enum SchemaSetup {
    /**
     * A database of the test class's own: the default embedded H2 in memory is a new database per class; on a
     * database given by URL, a new schema with a random name ({@code retort_test_...}), made the connections'
     * current schema. The extension's tables are created in it, and it is dropped (its H2 database shut down)
     * after the class. Test classes never see each other's tables, also when they run in parallel. Tables that
     * name a schema of their own are created there, not in the new schema, and are left behind.
     */
    FRESH,
    /**
     * The extension's tables are created where the URL points, skipping those that exist ({@code createAll}), and
     * nothing is dropped.
     */
    CREATE,
    /**
     * Nothing is created or dropped: the schema exists (made by migrations, say).
     */
    EXISTING
}
