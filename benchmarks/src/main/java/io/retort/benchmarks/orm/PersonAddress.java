package io.retort.benchmarks.orm;

/** Retort's entity for {@code bench_addresses}, mapped by {@link PersonAddressTable}. */
public class PersonAddress {
    private Long id;
    private Long personId;
    private Person person;
    private String email;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public Person getPerson() { return person; }
    public void setPerson(Person person) { this.person = person; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
