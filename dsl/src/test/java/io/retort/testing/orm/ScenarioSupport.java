package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

import java.util.List;

/**
 * What every shared ORM scenario class stands on: the driver of one path on one database, the schema, and
 * helpers. The scenario classes form one chain ({@link OrmScenarios} at the bottom), so a session module that
 * subclasses the bottom once runs them all.
 */
public abstract class ScenarioSupport {
    /** Every entity table the scenarios use; a driver's session factory maps them all. */
    public static final io.retort.orm.EntityTable<?>[] ENTITY_TABLES = {UserTable.USERS, AccountTable.ACCOUNTS,
            PersonTable.PERSONS, AddressTable.ADDRESSES, PostTable.POSTS, KeywordTable.KEYWORDS, PostDetailTable.DETAILS,
            NodeTable.NODES, DepartmentTable.DEPARTMENTS, EmployeeTable.EMPLOYEES};

    private OrmDriver driver;

    /** @return the dialects the scenarios run on */
    public static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /**
     * @param dialect the database
     * @return a driver for this path on a fresh database or schema
     */
    protected abstract OrmDriver openDriver(Dialect dialect);

    protected final OrmDriver start(Dialect dialect) {
        driver = openDriver(dialect);
        driver.createAll(MetaData.of(ENTITY_TABLES).with(PostKeywords.POST_KEYWORDS));
        return driver;
    }

    protected final OrmDriver driver() {
        return driver;
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    protected final long selects() {
        return driver.statements().stream().filter(s -> s.startsWith("SELECT")).count();
    }

    /**
     * @return the statements run since the last clear that write (INSERT, UPDATE, DELETE; on H2 an INSERT that
     *         returns keys is wrapped in {@code SELECT ... FROM FINAL TABLE (INSERT ...)}), placeholders as ?
     */
    protected final List<String> writes() {
        return driver.statements().stream()
                .filter(s -> s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE")
                        || s.contains("(INSERT INTO"))
                .map(s -> s.replaceAll("\\$\\d+", "?"))   // JDBC writes ?, R2DBC $1
                .toList();
    }

    /** Saves the objects in a session of their own, committed. */
    protected final void saveAll(Object... entities) {
        try (ScenarioSession s = driver.open()) {
            s.addAll(List.of(entities));
            s.commit();
        }
    }

    protected static Person personWith(String name, String... emails) {
        Person p = new Person(name);
        for (String e : emails) {
            p.getAddresses().add(new Address(e));
        }
        return p;
    }
}
