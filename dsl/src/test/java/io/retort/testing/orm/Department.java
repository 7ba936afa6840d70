package io.retort.testing.orm;

/** A department whose manager is one of its employees: the two tables refer to each other. */
public class Department {
    private Long id;
    private String name;
    private Long managerId;
    private Employee manager;
    private java.util.List<Employee> employees = new java.util.ArrayList<>();

    public Department() {
    }

    public Department(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getManagerId() { return managerId; }
    public void setManagerId(Long managerId) { this.managerId = managerId; }
    public Employee getManager() { return manager; }
    public void setManager(Employee manager) { this.manager = manager; }
    public java.util.List<Employee> getEmployees() { return employees; }
    public void setEmployees(java.util.List<Employee> employees) { this.employees = employees; }
}
