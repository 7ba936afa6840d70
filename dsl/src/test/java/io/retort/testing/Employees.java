package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Employees with a manager in the same table: self-joins and window functions over departments. */
public final class Employees extends Table {
    public static final Employees EMPLOYEES = new Employees();

    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<String> NAME = column("name", varchar(100), notNull());
    public final Column<String> DEPT = column("dept", varchar(50), notNull());
    public final Column<Integer> SALARY = column("salary", INTEGER);
    public final Column<Long> MANAGER_ID = column("manager_id", BIGINT, references(() -> EMPLOYEES.ID));

    private Employees() {
        super("employees");
    }
}
