package io.retort.examples.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A user of the web service: a plain mutable entity, as the ORM wants it. It never leaves the service: handlers
 * answer with {@link UserSummary} or {@link UserDetail}, copied while the session is open.
 */
public class User {
    private Long id;
    private String name;
    private String email;
    private Integer age;
    private Integer version;
    private List<Address> addresses = new ArrayList<>();

    public User() {
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Integer getAge() { return age; }
    public void setAge(Integer age) { this.age = age; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public List<Address> getAddresses() { return addresses; }
    public void setAddresses(List<Address> addresses) { this.addresses = addresses; }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", version=" + version + ")";
    }
}
