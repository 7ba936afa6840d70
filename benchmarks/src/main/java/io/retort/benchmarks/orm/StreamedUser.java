package io.retort.benchmarks.orm;

/** Retort's entity for {@code bench_stream}, for the session's streams: a plain class, mapped by {@link StreamedUserTable}. */
public class StreamedUser {
    private Long id;
    private String name;
    private Integer age;
    private String email;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getAge() { return age; }
    public void setAge(Integer age) { this.age = age; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
