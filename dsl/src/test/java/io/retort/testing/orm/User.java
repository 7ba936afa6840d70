package io.retort.testing.orm;

/** The tutorial's mapped user: a plain mutable class. */
public class User {
    private Long id;
    private String name;
    private String fullname;
    private Integer age;

    public User() {
    }

    public User(String name, String fullname, Integer age) {
        this.name = name;
        this.fullname = fullname;
        this.age = age;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFullname() { return fullname; }
    public void setFullname(String fullname) { this.fullname = fullname; }
    public Integer getAge() { return age; }
    public void setAge(Integer age) { this.age = age; }

    @Override
    public String toString() {
        return "User[" + id + ", " + name + "]";
    }
}
