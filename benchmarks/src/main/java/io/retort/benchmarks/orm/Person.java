package io.retort.benchmarks.orm;

import java.util.ArrayList;
import java.util.List;

/** Retort's entity for {@code bench_people}: a plain class, mapped by {@link PersonTable}. */
public class Person {
    private Long id;
    private String name;
    private Integer age;
    private List<PersonAddress> addresses = new ArrayList<>();

    public Person() {
    }

    public Person(String name, Integer age) {
        this.name = name;
        this.age = age;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getAge() { return age; }
    public void setAge(Integer age) { this.age = age; }
    public List<PersonAddress> getAddresses() { return addresses; }
    public void setAddresses(List<PersonAddress> addresses) { this.addresses = addresses; }
}
