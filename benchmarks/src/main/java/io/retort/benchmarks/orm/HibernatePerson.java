package io.retort.benchmarks.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** Hibernate's entity for {@code bench_people}, annotated as a Hibernate user writes it. */
@Entity
@Table(name = "bench_people")
public class HibernatePerson {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private Integer age;
    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<HibernateAddress> addresses = new ArrayList<>();

    protected HibernatePerson() {
    }

    public HibernatePerson(String name, Integer age) {
        this.name = name;
        this.age = age;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getAge() { return age; }
    public List<HibernateAddress> getAddresses() { return addresses; }
}
