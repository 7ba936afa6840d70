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

    static final String USER_TABLE = """
            package com.example;

            import io.retort.orm.Cascade;
            import io.retort.orm.EntityColumn;
            import io.retort.orm.EntityTable;
            import io.retort.orm.LoadStrategy;
            import io.retort.orm.OneToMany;

            import java.math.BigDecimal;

            import static io.retort.type.SqlTypes.BOOLEAN;
            import static io.retort.type.SqlTypes.INTEGER;
            import static io.retort.type.SqlTypes.TEXT;
            import static io.retort.type.SqlTypes.decimal;
            import static io.retort.type.SqlTypes.nativeEnum;
            import static io.retort.type.SqlTypes.varchar;

            /**
             * Maps {@link User} to the table [users].
             * Written by the Retort annotation processor from the entity's annotations; edit those, not this file.
             */
            public final class UserTable extends EntityTable<User> {
                public static final UserTable USERS = new UserTable();

                public final EntityColumn<User, Long> ID = id("id", User::getId, User::setId);
                public final EntityColumn<User, String> NAME = column("name", varchar(50), User::getName, User::setName,
                        notNull(), unique());
                public final EntityColumn<User, String> FULL_NAME = column("full_name", TEXT, User::getFullName, User::setFullName);
                public final EntityColumn<User, Integer> AGE = column("age", INTEGER, User::getAge, User::setAge);
                public final EntityColumn<User, Boolean> ACTIVE = column("active", BOOLEAN, User::isActive, User::setActive,
                        notNull());
                public final EntityColumn<User, BigDecimal> BALANCE = column("balance", decimal(10, 2),
                        User::getBalance, User::setBalance, indexed());
                public final EntityColumn<User, User.Mood> MOOD = column("mood", nativeEnum(User.Mood.class, "mood"),
                        User::getMood, User::setMood);
                public final EntityColumn<User, Integer> VERSION = version("version", User::getVersion, User::setVersion);
                public final OneToMany<User, Address> ADDRESSES = oneToMany("addresses", () -> AddressTable.ADDRESSES.USER,
                        User::getAddresses, User::setAddresses, LoadStrategy.LAZY, Cascade.DELETE, Cascade.DELETE_ORPHAN);

                private UserTable() {
                    super("users", User.class, User::new);
                }
            }
            """;

    static final String ADDRESS_TABLE = """
            package com.example;

            import io.retort.orm.EntityColumn;
            import io.retort.orm.EntityTable;
            import io.retort.orm.ManyToOne;

            import static io.retort.type.SqlTypes.BIGINT;
            import static io.retort.type.SqlTypes.varchar;

            /**
             * Maps {@link Address} to the table [addresses].
             * Written by the Retort annotation processor from the entity's annotations; edit those, not this file.
             */
            public final class AddressTable extends EntityTable<Address> {
                public static final AddressTable ADDRESSES = new AddressTable();

                public final EntityColumn<Address, Long> ID = id("id", Address::getId, Address::setId);
                public final EntityColumn<Address, String> EMAIL = column("email", varchar(255),
                        Address::getEmail, Address::setEmail, notNull());
                public final EntityColumn<Address, Long> USER_ID = column("user_id", BIGINT, Address::getUserId, Address::setUserId,
                        references(() -> UserTable.USERS.ID));
                public final ManyToOne<Address, User> USER = manyToOne("user", USER_ID, () -> UserTable.USERS,
                        Address::getUser, Address::setUser);

                private AddressTable() {
                    super("addresses", Address.class, Address::new);
                }
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
        assertThat(c.generatedSource("com.example.UserTable")).isEqualTo(USER_TABLE);
        assertThat(c.generatedSource("com.example.AddressTable")).isEqualTo(ADDRESS_TABLE);
    }

    @Test
    void mapsEveryBasicTypeWithDefaultNamesAndAnApplicationKey() {
        String line = """
                package com.shop;

                import io.retort.orm.annotation.*;
                import io.retort.type.Json;
                import java.math.BigDecimal;
                import java.time.*;
                import java.util.UUID;

                @Entity(schema = "sales")
                public class OrderLine {
                    public enum Status { OPEN, SHIPPED }

                    @Id(generation = Id.Generation.NONE) private UUID lineId;
                    private long quantity;
                    private Short rank;
                    private Double weight;
                    private Float ratio;
                    private BigDecimal price;
                    private LocalDate shipDate;
                    private LocalTime shipTime;
                    private LocalDateTime createdAt;
                    private OffsetDateTime paidAt;
                    private Json details;
                    private byte[] photo;
                    @Column(length = 16) private byte[] checksum;
                    private Status status;
                    private Boolean gift;
                    private String htmlURL;

                    public UUID getLineId() { return lineId; }
                    public void setLineId(UUID v) { lineId = v; }
                    public long getQuantity() { return quantity; }
                    public void setQuantity(long v) { quantity = v; }
                    public Short getRank() { return rank; }
                    public void setRank(Short v) { rank = v; }
                    public Double getWeight() { return weight; }
                    public void setWeight(Double v) { weight = v; }
                    public Float getRatio() { return ratio; }
                    public void setRatio(Float v) { ratio = v; }
                    public BigDecimal getPrice() { return price; }
                    public void setPrice(BigDecimal v) { price = v; }
                    public LocalDate getShipDate() { return shipDate; }
                    public void setShipDate(LocalDate v) { shipDate = v; }
                    public LocalTime getShipTime() { return shipTime; }
                    public void setShipTime(LocalTime v) { shipTime = v; }
                    public LocalDateTime getCreatedAt() { return createdAt; }
                    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
                    public OffsetDateTime getPaidAt() { return paidAt; }
                    public void setPaidAt(OffsetDateTime v) { paidAt = v; }
                    public Json getDetails() { return details; }
                    public void setDetails(Json v) { details = v; }
                    public byte[] getPhoto() { return photo; }
                    public void setPhoto(byte[] v) { photo = v; }
                    public byte[] getChecksum() { return checksum; }
                    public void setChecksum(byte[] v) { checksum = v; }
                    public Status getStatus() { return status; }
                    public void setStatus(Status v) { status = v; }
                    public Boolean isGift() { return gift; }
                    public void setGift(Boolean v) { gift = v; }
                    public String getHtmlURL() { return htmlURL; }
                    public void setHtmlURL(String v) { htmlURL = v; }
                }
                """;
        Compilation c = Compilation.compile(dir, Map.of("com.shop.OrderLine", line));

        assertThat(c.errors()).isEmpty();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.generatedSource("com.shop.OrderLineTable"))
                .contains("public static final OrderLineTable ORDER_LINE = new OrderLineTable();")
                .contains("EntityColumn<OrderLine, UUID> LINE_ID = column(\"line_id\", UUID,\n"
                        + "            OrderLine::getLineId, OrderLine::setLineId, primaryKey());")
                .contains("EntityColumn<OrderLine, Long> QUANTITY = column(\"quantity\", BIGINT,\n"
                        + "            OrderLine::getQuantity, OrderLine::setQuantity, notNull());")
                .contains("EntityColumn<OrderLine, Short> RANK = column(\"rank\", SMALLINT,")
                .contains("EntityColumn<OrderLine, Double> WEIGHT = column(\"weight\", DOUBLE,")
                .contains("EntityColumn<OrderLine, Float> RATIO = column(\"ratio\", REAL,")
                .contains("EntityColumn<OrderLine, BigDecimal> PRICE = column(\"price\", decimal(19, 2),")
                .contains("EntityColumn<OrderLine, LocalDate> SHIP_DATE = column(\"ship_date\", DATE,")
                .contains("EntityColumn<OrderLine, LocalTime> SHIP_TIME = column(\"ship_time\", TIME,")
                .contains("EntityColumn<OrderLine, LocalDateTime> CREATED_AT = column(\"created_at\", TIMESTAMP,")
                .contains("EntityColumn<OrderLine, OffsetDateTime> PAID_AT = column(\"paid_at\", TIMESTAMPTZ,")
                .contains("EntityColumn<OrderLine, Json> DETAILS = column(\"details\", JSON,")
                .contains("EntityColumn<OrderLine, byte[]> PHOTO = column(\"photo\", BINARY,")
                .contains("EntityColumn<OrderLine, byte[]> CHECKSUM = column(\"checksum\", binary(16),")
                .contains("EntityColumn<OrderLine, OrderLine.Status> STATUS = column(\"status\", enumAsText(OrderLine.Status.class),")
                .contains("EntityColumn<OrderLine, Boolean> GIFT = column(\"gift\", BOOLEAN, OrderLine::isGift, OrderLine::setGift);")
                .contains("EntityColumn<OrderLine, String> HTML_URL = column(\"html_url\", varchar(255),")
                .contains("super(\"sales\", \"order_line\", OrderLine.class, OrderLine::new);")
                .contains("import java.util.UUID;\n")
                .contains("import static io.retort.type.SqlTypes.UUID;\n");
    }

    @Test
    void aFieldNamedLikeASqlTypeConstantGetsTheQualifiedType() {
        String event = """
                package com.example;

                import io.retort.orm.annotation.*;
                import java.time.LocalDate;

                @Entity(table = "events")
                public class Event {
                    @Id private Long id;
                    private LocalDate date;
                    private String text;

                    public Long getId() { return id; }
                    public void setId(Long v) { id = v; }
                    public LocalDate getDate() { return date; }
                    public void setDate(LocalDate v) { date = v; }
                    public String getText() { return text; }
                    public void setText(String v) { text = v; }
                }
                """;
        Compilation c = Compilation.compile(dir, Map.of("com.example.Event", event));

        assertThat(c.errors()).isEmpty();
        assertThat(c.generatedSource("com.example.EventTable"))
                .contains("DATE = column(\"date\", SqlTypes.DATE, Event::getDate, Event::setDate);")
                .contains("import io.retort.type.SqlTypes;\n")
                .doesNotContain("import static io.retort.type.SqlTypes.DATE;");
    }

    @Test
    void entitiesInOtherPackagesAreImported() {
        String customer = """
                package com.crm;

                import io.retort.orm.annotation.*;

                @Entity(table = "customers")
                public class Customer {
                    @Id private Long id;
                    public Long getId() { return id; }
                    public void setId(Long v) { id = v; }
                }
                """;
        String order = """
                package com.shop;

                import com.crm.Customer;
                import io.retort.orm.annotation.*;

                @Entity(table = "orders")
                public class Order {
                    @Id private Long id;
                    private Long buyerId;
                    @ManyToOne(foreignKey = "buyer_id") private Customer buyer;

                    public Long getId() { return id; }
                    public void setId(Long v) { id = v; }
                    public Long getBuyerId() { return buyerId; }
                    public void setBuyerId(Long v) { buyerId = v; }
                    public Customer getBuyer() { return buyer; }
                    public void setBuyer(Customer v) { buyer = v; }
                }
                """;
        Compilation c = Compilation.compile(dir, Map.of("com.crm.Customer", customer, "com.shop.Order", order));

        assertThat(c.errors()).isEmpty();
        assertThat(c.generatedSource("com.shop.OrderTable"))
                .contains("import com.crm.Customer;\nimport com.crm.CustomerTable;\n")
                .contains("references(() -> CustomerTable.CUSTOMERS.ID)")
                .contains("ManyToOne<Order, Customer> BUYER = manyToOne(\"buyer\", BUYER_ID, () -> CustomerTable.CUSTOMERS,");
    }
}
