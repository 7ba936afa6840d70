package io.retort.testing.orm;

import java.util.ArrayList;
import java.util.List;

/** A parent with a collection of addresses. */
public class Person {
    private Long id;
    private String name;
    private List<Address> addresses = new ArrayList<>();

    public Person() {
    }

    public Person(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Address> getAddresses() { return addresses; }
    public void setAddresses(List<Address> addresses) { this.addresses = addresses; }

    @Override
    public String toString() {
        return "Person[" + id + ", " + name + "]";
    }
}
