package io.retort.examples.orm;

import java.util.ArrayList;
import java.util.List;

/** The tutorial's user: a plain class with a no-arg constructor and properties. */
public class User {
    private Long id;
    private String name;
    private String fullname;
    private List<Address> addresses = new ArrayList<>();

    public User() {
    }

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFullname() { return fullname; }
    public void setFullname(String fullname) { this.fullname = fullname; }
    public List<Address> getAddresses() { return addresses; }
    public void setAddresses(List<Address> addresses) { this.addresses = addresses; }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")";
    }
}
