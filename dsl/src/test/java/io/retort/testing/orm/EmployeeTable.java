package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Employee}: a NOT NULL foreign key to its department. */
public final class EmployeeTable extends EntityTable<Employee> {
    public static final EmployeeTable EMPLOYEES = new EmployeeTable();

    public final EntityColumn<Employee, Long> ID = id("id", Employee::getId, Employee::setId);
    public final EntityColumn<Employee, String> NAME = column("name", varchar(50), Employee::getName, Employee::setName, notNull());
    public final EntityColumn<Employee, Long> DEPARTMENT_ID = column("department_id", BIGINT, Employee::getDepartmentId,
            Employee::setDepartmentId, notNull(), references(() -> DepartmentTable.DEPARTMENTS.ID));
    public final ManyToOne<Employee, Department> DEPARTMENT = manyToOne("department", DEPARTMENT_ID,
            () -> DepartmentTable.DEPARTMENTS, Employee::getDepartment, Employee::setDepartment);

    private EmployeeTable() {
        super("orm_employees", Employee.class, Employee::new);
    }
}
