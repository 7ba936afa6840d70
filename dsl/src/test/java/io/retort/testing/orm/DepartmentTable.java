package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Department}: a nullable foreign key to its manager, closing a cycle with orm_employees. */
public final class DepartmentTable extends EntityTable<Department> {
    public static final DepartmentTable DEPARTMENTS = new DepartmentTable();

    public final EntityColumn<Department, Long> ID = id("id", Department::getId, Department::setId);
    public final EntityColumn<Department, String> NAME = column("name", varchar(50), Department::getName, Department::setName, notNull());
    public final EntityColumn<Department, Long> MANAGER_ID = column("manager_id", BIGINT, Department::getManagerId,
            Department::setManagerId, references(() -> EmployeeTable.EMPLOYEES.ID));
    public final ManyToOne<Department, Employee> MANAGER = manyToOne("manager", MANAGER_ID, () -> EmployeeTable.EMPLOYEES,
            Department::getManager, Department::setManager);
    /** No delete cascade, and the employees' key is NOT NULL: deleting a department that has employees is refused. */
    public final OneToMany<Department, Employee> EMPLOYEES = oneToMany("employees", () -> EmployeeTable.EMPLOYEES.DEPARTMENT,
            Department::getEmployees, Department::setEmployees, LoadStrategy.LAZY);

    private DepartmentTable() {
        super("orm_departments", Department.class, Department::new);
    }
}
