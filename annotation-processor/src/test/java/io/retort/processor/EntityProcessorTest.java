package io.retort.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated table classes, as golden source text, compiled in-process with the processor. */
class EntityProcessorTest {
    static final String USER = """
            package com.example;

            import io.retort.orm.Cascade;
            import io.retort.orm.annotation.Column;
            import io.retort.orm.annotation.Entity;
            import io.retort.orm.annotation.Enumerated;
            import io.retort.orm.annotation.Id;
            import io.retort.orm.annotation.OneToMany;
            import io.retort.orm.annotation.Version;

            import java.math.BigDecimal;
            import java.util.ArrayList;
            import java.util.List;

            @Entity(table = "users")
            public class User {
                public enum Mood { HAPPY, SAD }

                @Id private Long id;
                @Column(length = 50, nullable = false, unique = true) private String name;
                @Column(name = "full_name", length = Column.UNLIMITED) private String fullName;
                private Integer age;
                private boolean active;
                @Column(precision = 10, scale = 2, index = true) private BigDecimal balance;
                @Enumerated(nativeType = "mood") private Mood mood;
                @Version private Integer version;
                private transient String cache;
                @OneToMany(mappedBy = "user", cascade = {Cascade.DELETE, Cascade.DELETE_ORPHAN})
                private List<Address> addresses = new ArrayList<>();

                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
                public String getFullName() { return fullName; }
                public void setFullName(String fullName) { this.fullName = fullName; }
                public Integer getAge() { return age; }
                public void setAge(Integer age) { this.age = age; }
                public boolean isActive() { return active; }
                public void setActive(boolean active) { this.active = active; }
                public BigDecimal getBalance() { return balance; }
                public void setBalance(BigDecimal balance) { this.balance = balance; }
                public Mood getMood() { return mood; }
                public void setMood(Mood mood) { this.mood = mood; }
                public Integer getVersion() { return version; }
                public void setVersion(Integer version) { this.version = version; }
                public List<Address> getAddresses() { return addresses; }
                public void setAddresses(List<Address> addresses) { this.addresses = addresses; }
            }
            """;

    static final String ADDRESS = """
            package com.example;

            import io.retort.orm.annotation.Column;
            import io.retort.orm.annotation.Entity;
            import io.retort.orm.annotation.Id;
            import io.retort.orm.annotation.ManyToOne;

            @Entity(table = "addresses")
            public class Address {
                @Id private Long id;
                @Column(nullable = false) private String email;
                private Long userId;
                @ManyToOne private User user;

                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getEmail() { return email; }
                public void setEmail(String email) { this.email = email; }
                public Long getUserId() { return userId; }
                public void setUserId(Long userId) { this.userId = userId; }
                public User getUser() { return user; }
                public void setUser(User user) { this.user = user; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheTablesAUserWouldWriteByHand() {
        Compilation c = Compilation.compile(dir, Map.of("com.example.User", USER, "com.example.Address", ADDRESS));

        assertThat(c.errors()).isEmpty();
        assertThat(c.warnings()).as("the generated code compiles without warnings under -Xlint:all").isEmpty();
        assertThat(c.success()).isTrue();
        System.out.println(c.generatedSource("com.example.UserTable"));
        System.out.println(c.generatedSource("com.example.AddressTable"));
    }
}
