package io.retort.testing.orm;

/** A child that refers to its person. */
public class Address {
    private Long id;
    private String email;
    private Long personId;
    private Person person;

    public Address() {
    }

    public Address(String email) {
        this.email = email;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public Person getPerson() { return person; }
    public void setPerson(Person person) { this.person = person; }

    @Override
    public String toString() {
        return "Address[" + id + ", " + email + "]";
    }
}
