package io.retort.examples.web;

/** A postal address of a {@link User}; deleted with its user. */
public class Address {
    private Long id;
    private Long userId;
    private User user;
    private String street;
    private String city;

    public Address() {
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public User getUser() { return user; }
    public void setUser(User user) { this.user = user; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }

    @Override
    public String toString() {
        return "Address(id=" + id + ", city=" + city + ")";
    }
}
