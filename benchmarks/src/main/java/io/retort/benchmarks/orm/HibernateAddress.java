package io.retort.benchmarks.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Hibernate's entity for {@code bench_addresses}. */
@Entity
@Table(name = "bench_addresses")
public class HibernateAddress {
    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private HibernatePerson person;
    private String email;

    protected HibernateAddress() {
    }

    public Long getId() { return id; }
    public HibernatePerson getPerson() { return person; }
    public String getEmail() { return email; }
}
