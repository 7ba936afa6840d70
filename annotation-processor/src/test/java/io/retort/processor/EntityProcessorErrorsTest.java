package io.retort.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in annotated entities are compile errors at the element they are about, saying what to change. */
class EntityProcessorErrorsTest {
    @TempDir
    Path dir;

    /** A valid child entity that the broken ones can refer to. */
    private static final String ADDRESS = """
            package com.example;

            import io.retort.orm.annotation.*;

            @Entity(table = "addresses")
            public class Address {
                @Id private Long id;
                private Long userId;
                @ManyToOne private User user;
                private String email;

                public Long getId() { return id; }
                public void setId(Long v) { id = v; }
                public Long getUserId() { return userId; }
                public void setUserId(Long v) { userId = v; }
                public User getUser() { return user; }
                public void setUser(User v) { user = v; }
                public String getEmail() { return email; }
                public void setEmail(String v) { email = v; }
            }
            """;

    /**
     * Compiles {@code com.example.User} with the given members (besides an id unless told otherwise) and returns
     * its errors.
     */
    private Compilation user(String members) {
        String source = """
                package com.example;

                import io.retort.orm.annotation.*;
                import java.util.List;

                @Entity(table = "users")
                public class User {
                %s
                }
                """.formatted(members);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com.example.User", source);
        sources.put("com.example.Address", ADDRESS);
        return Compilation.compile(dir, sources);
    }

    private static final String ID = """
                @Id private Long id;
                public Long getId() { return id; }
                public void setId(Long v) { id = v; }
            """;

    /** The line of the first occurrence of {@code text} in the User source built by {@link #user}. */
    private static int lineOf(String members, String text) {
        String before = members.substring(0, members.indexOf(text));
        return 8 + (int) before.chars().filter(ch -> ch == '\n').count();
    }

    private void assertSingleError(String members, String at, String... fragments) {
        Compilation c = user(members);
        assertThat(c.success()).isFalse();
        assertThat(c.errors()).filteredOn(e -> e.startsWith("User.java")).hasSize(1);
        assertThat(c.errors().get(0)).startsWith("User.java:" + lineOf(members, at) + ": ").contains(fragments);
    }

    @Test
    void noId() {
        Compilation c = user("""
                    private String name;
                    public String getName() { return name; }
                    public void setName(String v) { name = v; }
                """);
        assertThat(c.errors()).singleElement().asString()
                .startsWith("User.java:6: ")
                .contains("@Entity User has no @Id field: annotate its primary key, as in `@Id private Long id;`");
    }

    @Test
    void missingGetter() {
        String members = ID + """
                    private String name;
                    public void setName(String v) { name = v; }
                """;
        assertSingleError(members, "private String name",
                "User.name has no getter that the generated table can call: add `public java.lang.String getName()`, "
                        + "or make the field transient to leave it unmapped");
    }

    @Test
    void missingSetterAndPrivateGetter() {
        String members = ID + """
                    private Integer age;
                    private Integer getAge() { return age; }
                """;
        Compilation c = user(members);
        assertThat(c.errors()).containsExactly(
                "User.java:" + lineOf(members, "private Integer age") + ": User.age has no getter that the generated table "
                        + "can call: add `public java.lang.Integer getAge()`, or make the field transient to leave it unmapped",
                "User.java:" + lineOf(members, "private Integer age") + ": User.age has no setter that the generated table "
                        + "can call: add `public void setAge(java.lang.Integer age)`, or make the field transient to leave it unmapped");
    }

    @Test
    void unsupportedFieldType() {
        String members = ID + """
                    private java.time.Instant seen;
                    public java.time.Instant getSeen() { return seen; }
                    public void setSeen(java.time.Instant v) { seen = v; }
                """;
        assertSingleError(members, "private java.time.Instant seen",
                "User.seen has the type java.time.Instant, which has no column mapping: use one of Long, Integer",
                "make the field transient to leave it unmapped, or declare the table by hand with a converted(...) type");
    }

    @Test
    void mappedByNamingNoField() {
        String members = ID + """
                    @OneToMany(mappedBy = "owner") private List<Address> addresses;
                    public List<Address> getAddresses() { return addresses; }
                    public void setAddresses(List<Address> v) { addresses = v; }
                """;
        assertSingleError(members, "@OneToMany(mappedBy",
                "User.addresses is mapped by [owner], but Address has no such field: name its @ManyToOne to User, user");
    }

    @Test
    void mappedByNamingAFieldThatIsNoManyToOne() {
        String members = ID + """
                    @OneToMany(mappedBy = "email") private List<Address> addresses;
                    public List<Address> getAddresses() { return addresses; }
                    public void setAddresses(List<Address> v) { addresses = v; }
                """;
        assertSingleError(members, "@OneToMany(mappedBy",
                "User.addresses is mapped by [email], but Address.email is not a @ManyToOne: name its @ManyToOne to User, user");
    }

    @Test
    void noNoArgConstructor() {
        Compilation c = user(ID + """
                    public User(Long id) { this.id = id; }
                """);
        assertThat(c.errors()).singleElement().asString().startsWith("User.java:7: ")
                .contains("@Entity User has no no-arg constructor that UserTable can call: add `public User() {}`");
    }

    @Test
    void primitiveId() {
        String members = """
                    @Id private long id;
                    public long getId() { return id; }
                    public void setId(long v) { id = v; }
                """;
        assertSingleError(members, "@Id private long id",
                "User.id is a primitive long, but an @Id is null until the row is inserted: use Long");
    }

    @Test
    void primitiveDeclaredNullable() {
        String members = ID + """
                    @Column(nullable = true) private int age;
                    public int getAge() { return age; }
                    public void setAge(int v) { age = v; }
                """;
        assertSingleError(members, "@Column(nullable = true)",
                "User.age is a primitive int and cannot hold NULL: use Integer for a nullable column");
    }

    @Test
    void manyToOneWithoutForeignKeyField() {
        Compilation c = Compilation.compile(dir, Map.of("com.example.Address", """
                package com.example;

                import io.retort.orm.annotation.*;

                @Entity(table = "addresses")
                public class Address {
                    @Id private Long id;
                    @ManyToOne private User owner;
                    public Long getId() { return id; }
                    public void setId(Long v) { id = v; }
                    public User getOwner() { return owner; }
                    public void setOwner(User v) { owner = v; }
                }
                """, "com.example.User", """
                package com.example;

                import io.retort.orm.annotation.*;

                @Entity(table = "users")
                public class User {
                    @Id private Integer id;
                    public Integer getId() { return id; }
                    public void setId(Integer v) { id = v; }
                }
                """));
        assertThat(c.errors()).singleElement().asString().startsWith("Address.java:8: ")
                .contains("Address.owner needs its foreign-key column [owner_id] mapped by a field of Address: "
                        + "add `private Integer ownerId;` with its getter and setter");
    }

    @Test
    void relationshipFieldsWithoutTheirAnnotation() {
        String members = ID + """
                    private List<Address> addresses;
                    private Address home;
                    public List<Address> getAddresses() { return addresses; }
                    public void setAddresses(List<Address> v) { addresses = v; }
                    public Address getHome() { return home; }
                    public void setHome(Address v) { home = v; }
                """;
        Compilation c = user(members);
        assertThat(c.errors()).containsExactly(
                "User.java:" + lineOf(members, "private List<Address>") + ": User.addresses is a java.util.List<com.example.Address> "
                        + "without a relationship: annotate it with @OneToMany(mappedBy = \"<the child's @ManyToOne field>\"), "
                        + "or make it transient to leave it unmapped",
                "User.java:" + lineOf(members, "private Address home") + ": User.home refers to the entity Address without a "
                        + "relationship: annotate it with @ManyToOne (and map its foreign key as a field, such as `private Long homeId;`)");
    }

    @Test
    void databaseGeneratedStringKey() {
        String members = """
                    @Id private String code;
                    public String getCode() { return code; }
                    public void setCode(String v) { code = v; }
                """;
        assertSingleError(members, "@Id private String code",
                "User.code is a java.lang.String @Id generated by the database, which only integer keys can be: use Long, "
                        + "or @Id(generation = Id.Generation.NONE) and set the key before adding the object");
    }

    @Test
    void fieldAnnotationOutsideAnEntity() {
        Compilation c = Compilation.compile(dir, Map.of("com.example.Plain", """
                package com.example;

                public class Plain {
                    @io.retort.orm.annotation.Id private Long id;
                }
                """));
        assertThat(c.errors()).containsExactly("Plain.java:4: @Id on Plain.id has no effect: Plain is not an @Entity; "
                + "annotate the class with @Entity(table = \"...\")");
    }

    @Test
    void tooLongTableName() {
        Compilation c = Compilation.compile(dir, Map.of("com.example.T", """
                package com.example;

                @io.retort.orm.annotation.Entity(table = "a_table_name_that_is_much_longer_than_postgres_accepts_in_identifiers")
                public class T {
                    @io.retort.orm.annotation.Id private Long id;
                    public Long getId() { return id; }
                    public void setId(Long v) { id = v; }
                }
                """));
        assertThat(c.errors()).singleElement().asString().startsWith("T.java:3: ")
                .contains("is 69 bytes long; the limit is 63");
    }
}
