package io.retort.examples.orm;

/** An email address of a user. */
public class Address {
    private Long id;
    private String email;
    private Long userId;
    private User user;

    public Address() {
    }

    public Address(String email) {
        this.email = email;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public User getUser() { return user; }
    public void setUser(User user) { this.user = user; }

    @Override
    public String toString() {
        return "Address(id=" + id + ", email=" + email + ")";
    }
}
