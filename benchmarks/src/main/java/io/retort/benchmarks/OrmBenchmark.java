package io.retort.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.retort.benchmarks.orm.HibernateAddress;
import io.retort.benchmarks.orm.HibernatePerson;
import io.retort.benchmarks.orm.Person;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.select;
import static io.retort.benchmarks.orm.PersonTable.PEOPLE;
import static io.retort.benchmarks.orm.PersonAddressTable.ADDRESSES;

/**
 * The ORM workloads, each library on its own pool of 10 over the same JDBC driver, a fresh session per operation:
 * one entity by key, 1,000 entities, 1,000 new entities in one transaction, 100 entities loaded, changed and committed,
 * and 100 entities with their addresses (a graph, loaded eagerly). The floor is the same work in hand-written JDBC;
 * the peer Hibernate ORM 7, configured as its documentation advises (JDBC batching on, ordered updates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class OrmBenchmark {
    /** How many objects the load-change-commit and graph workloads take. */
    static final int SOME = 100;
    /** How many new objects the insert workload adds. */
    static final int NEW = 1_000;

    @Param({"h2", "postgresql"})
    public String database;

    private BenchDatabase db;
    private HikariDataSource raw;
    private Engine engine;
    private SessionFactory sessions;
    private HikariDataSource hibernatePool;
    private org.hibernate.SessionFactory hibernate;
    private long next;
    private int round;

    @Setup(Level.Trial)
    public void open() {
        db = BenchDatabase.of(database);
        db.loadPeople();
        raw = CoreReadBenchmark.pool(db);
        engine = Engine.create(db.jdbcUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(10));
        sessions = new SessionFactory(engine, PEOPLE, ADDRESSES);
        hibernatePool = CoreReadBenchmark.pool(db);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, hibernatePool)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .build();
        hibernate = new MetadataSources(registry).addAnnotatedClass(HibernatePerson.class)
                .addAnnotatedClass(HibernateAddress.class).buildMetadata().buildSessionFactory();
    }

    @TearDown(Level.Iteration)
    public void removeInserted() {
        db.removeInsertedPeople();
    }

    @TearDown(Level.Trial)
    public void close() {
        hibernate.close();
        hibernatePool.close();
        engine.close();
        raw.close();
    }

    private long nextKey() {
        next = next % BenchDatabase.ROWS + 1;
        return next;
    }

    /** What every workload returns, so results compare across libraries: name and age per person, in key order. */
    record Summary(long id, String name, Integer age, int addresses) {
    }

    // ---- one entity by key, fresh session -------------------------------------------------------------

    @Benchmark
    public Summary entityByKey_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, age FROM bench_people WHERE id = ?")) {
            ps.setLong(1, nextKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Integer age = rs.getInt(3);
                if (rs.wasNull()) {
                    age = null; // asked at once: wasNull() is about the column read last
                }
                return new Summary(rs.getLong(1), rs.getString(2), age, -1);
            }
        }
    }

    @Benchmark
    public Summary entityByKey_retort() {
        try (Session session = sessions.open()) {
            Person p = session.get(PEOPLE, nextKey());
            return new Summary(p.getId(), p.getName(), p.getAge(), -1);
        }
    }

    @Benchmark
    public Summary entityByKey_hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            HibernatePerson p = session.get(HibernatePerson.class, nextKey());
            return new Summary(p.getId(), p.getName(), p.getAge(), -1);
        }
    }

    // ---- 1,000 entities, fresh session ------------------------------------------------------------------

    @Benchmark
    public List<Summary> thousandEntities_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, age FROM bench_people ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Summary> out = new ArrayList<>(BenchDatabase.ROWS);
            while (rs.next()) {
                Integer age = rs.getInt(3);
                if (rs.wasNull()) {
                    age = null; // asked at once: wasNull() is about the column read last
                }
                out.add(new Summary(rs.getLong(1), rs.getString(2), age, -1));
            }
            return out;
        }
    }

    @Benchmark
    public List<Summary> thousandEntities_retort() {
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(PEOPLE).orderBy(PEOPLE.ID.asc()));
            List<Summary> out = new ArrayList<>(people.size());
            for (Person p : people) {
                out.add(new Summary(p.getId(), p.getName(), p.getAge(), -1));
            }
            return out;
        }
    }

    @Benchmark
    public List<Summary> thousandEntities_hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            List<HibernatePerson> people = session.createSelectionQuery("from HibernatePerson order by id",
                    HibernatePerson.class).list();
            List<Summary> out = new ArrayList<>(people.size());
            for (HibernatePerson p : people) {
                out.add(new Summary(p.getId(), p.getName(), p.getAge(), -1));
            }
            return out;
        }
    }

    // ---- 1,000 new entities in one transaction ----------------------------------------------------------

    @Benchmark
    public int insertThousand_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_people (name, age) VALUES (?, ?)")) {
                for (int i = 0; i < NEW; i++) {
                    ps.setString(1, "new " + i);
                    ps.setInt(2, 30);
                    ps.addBatch();
                }
                int n = ps.executeBatch().length;
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public int insertThousand_retort() {
        try (Session session = sessions.open()) {
            for (int i = 0; i < NEW; i++) {
                session.add(new Person("new " + i, 30));
            }
            session.commit();
            return NEW;
        }
    }

    @Benchmark
    public int insertThousand_hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            var tx = session.beginTransaction();
            for (int i = 0; i < NEW; i++) {
                session.persist(new HibernatePerson("new " + i, 30));
            }
            tx.commit();
            return NEW;
        }
    }

    // ---- 100 entities loaded, changed, committed ----------------------------------------------------------

    private String nextName(long id) {
        return "person " + id + (round % 2 == 0 ? "" : " changed");
    }

    @Benchmark
    public int loadChangeCommit_rawJdbc() throws SQLException {
        round++;
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement query = c.prepareStatement("SELECT id, name, age FROM bench_people WHERE id <= ? ORDER BY id");
                 PreparedStatement update = c.prepareStatement("UPDATE bench_people SET name = ? WHERE id = ?")) {
                query.setLong(1, SOME);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        update.setString(1, nextName(id));
                        update.setLong(2, id);
                        update.addBatch();
                    }
                }
                int n = update.executeBatch().length;
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public int loadChangeCommit_retort() {
        round++;
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(PEOPLE).where(PEOPLE.ID.le((long) SOME)).orderBy(PEOPLE.ID.asc()));
            for (Person p : people) {
                p.setName(nextName(p.getId()));
            }
            session.commit();
            return people.size();
        }
    }

    @Benchmark
    public int loadChangeCommit_hibernate() {
        round++;
        try (org.hibernate.Session session = hibernate.openSession()) {
            var tx = session.beginTransaction();
            List<HibernatePerson> people = session.createSelectionQuery("from HibernatePerson where id <= :n order by id",
                    HibernatePerson.class).setParameter("n", (long) SOME).list();
            for (HibernatePerson p : people) {
                p.setName(nextName(p.getId()));
            }
            tx.commit();
            return people.size();
        }
    }

    // ---- 100 entities with their addresses ------------------------------------------------------------------

    @Benchmark
    public List<Summary> graph_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection();
             PreparedStatement people = c.prepareStatement("SELECT id, name, age FROM bench_people WHERE id <= ? ORDER BY id");
             PreparedStatement addresses = c.prepareStatement(
                     "SELECT id, person_id, email FROM bench_addresses WHERE person_id <= ?")) {
            people.setLong(1, SOME);
            List<Summary> out = new ArrayList<>(SOME);
            Map<Long, Integer> counts = new HashMap<>();
            addresses.setLong(1, SOME);
            try (ResultSet rs = addresses.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getLong(2), 1, Integer::sum);
                }
            }
            try (ResultSet rs = people.executeQuery()) {
                while (rs.next()) {
                    Integer age = rs.getInt(3);
                    if (rs.wasNull()) {
                        age = null; // asked at once: wasNull() is about the column read last
                    }
                    long id = rs.getLong(1);
                    out.add(new Summary(id, rs.getString(2), age, counts.getOrDefault(id, 0)));
                }
            }
            return out;
        }
    }

    @Benchmark
    public List<Summary> graph_retort() {
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(PEOPLE).where(PEOPLE.ID.le((long) SOME)).orderBy(PEOPLE.ID.asc()),
                    PEOPLE.ADDRESSES.selectin());
            List<Summary> out = new ArrayList<>(people.size());
            for (Person p : people) {
                out.add(new Summary(p.getId(), p.getName(), p.getAge(), p.getAddresses().size()));
            }
            return out;
        }
    }

    @Benchmark
    public List<Summary> graph_hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            List<HibernatePerson> people = session.createSelectionQuery(
                    "from HibernatePerson p left join fetch p.addresses where p.id <= :n order by p.id", HibernatePerson.class)
                    .setParameter("n", (long) SOME).list();
            List<Summary> out = new ArrayList<>(people.size());
            for (HibernatePerson p : people) {
                out.add(new Summary(p.getId(), p.getName(), p.getAge(), p.getAddresses().size()));
            }
            return out;
        }
    }
}
