package io.retort.orm;

import io.retort.orm.internal.FlushPlan;
import io.retort.orm.internal.FlushStep;
import io.retort.orm.internal.UnitOfWork;
import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.exception.CircularDependencyException;
import io.retort.statement.Statement;
import io.retort.testing.orm.Address;
import io.retort.testing.orm.Person;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.UserTable.USERS;
import static io.retort.type.SqlTypes.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ORM core without I/O: feed rows, assert on objects; given state, assert the ordered flush plan. */
class UnitOfWorkTest {
    private final Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);

    /** Runs a plan against a pretend database that hands out keys 100, 101, ... and matches every row. */
    private List<String> run(FlushPlan plan) {
        List<String> sql = new ArrayList<>();
        long[] nextKey = {100};
        for (FlushStep step : plan.steps()) {
            Statement st = step.statement();
            if (st == null) {
                continue;
            }
            String text = compiler.compile(st).sql();
            sql.add(text);
            List<Object[]> returned = new ArrayList<>();
            int rows = text.startsWith("INSERT") ? text.split("\\), \\(").length : 1;
            if (text.contains("RETURNING")) {
                for (int i = 0; i < rows; i++) {
                    returned.add(new Object[]{nextKey[0]++});
                }
            }
            step.apply(returned, rows);
        }
        return sql;
    }

    @Test
    void loadingGivesOneObjectPerKeyAndKeepsUnflushedChanges() {
        UnitOfWork work = new UnitOfWork();
        User first = work.load(USERS, new Object[]{1L, "ed", "Ed", 30});
        first.setAge(31);
        User again = work.load(USERS, new Object[]{1L, "ed", "Ed", 30});
        assertThat(again).isSameAs(first);
        assertThat(again.getAge()).as("the session's change wins over the row").isEqualTo(31);
        work.expire(first);
        work.load(USERS, new Object[]{1L, "ed", "Ed", 40});
        assertThat(first.getAge()).as("an expired object takes the row's values").isEqualTo(40);
        assertThat(work.hasChanges()).isFalse();
    }

    @Test
    void flushPlanInsertsParentsFirstUpdatesChangedColumnsAndDeletesChildrenFirst() {
        UnitOfWork work = new UnitOfWork();
        Person loaded = work.load(PERSONS, new Object[]{1L, "old"});
        Address doomed = work.load(ADDRESSES, new Object[]{7L, "gone@x", 1L});
        Person fresh = new Person("new");
        fresh.getAddresses().add(new Address("a@x"));
        fresh.getAddresses().add(new Address("b@x"));
        work.add(PERSONS, fresh);
        loaded.setName("renamed");
        work.delete(doomed);

        List<String> sql = run(work.planFlush());
        assertThat(sql).containsExactly(
                "INSERT INTO orm_persons (name) VALUES ($1) RETURNING id",
                "INSERT INTO orm_addresses (email, person_id) VALUES ($1, $2), ($3, $4) RETURNING id",
                "UPDATE orm_persons SET name = $1 WHERE orm_persons.id = $2",
                "DELETE FROM orm_addresses WHERE orm_addresses.id = $1");
        work.flushSucceeded();
        assertThat(fresh.getId()).isEqualTo(100L);
        assertThat(fresh.getAddresses()).extracting(Address::getPersonId).containsOnly(100L);
        assertThat(fresh.getAddresses()).extracting(Address::getId).containsExactly(101L, 102L);
        assertThat(work.contains(doomed)).isFalse();
        assertThat(work.hasChanges()).isFalse();
        assertThat(work.planFlush().isEmpty()).isTrue();
    }

    /** Two tables whose NOT NULL keys refer to each other. */
    static final class A {
        Long id;
        Long bId;
        B b;
    }

    static final class B {
        Long id;
        Long aId;
        A a;
    }

    static final class ATable extends EntityTable<A> {
        static final ATable AS = new ATable();
        final EntityColumn<A, Long> ID = id("id", a -> a.id, (a, v) -> a.id = v);
        final EntityColumn<A, Long> B_ID = column("b_id", BIGINT, a -> a.bId, (a, v) -> a.bId = v, notNull(),
                references(() -> BTable.BS.ID));
        final ManyToOne<A, B> B_REF = manyToOne("b", B_ID, () -> BTable.BS, a -> a.b, (a, v) -> a.b = v);

        private ATable() {
            super("cyc_a", A.class, A::new);
        }
    }

    static final class BTable extends EntityTable<B> {
        static final BTable BS = new BTable();
        final EntityColumn<B, Long> ID = id("id", b -> b.id, (b, v) -> b.id = v);
        final EntityColumn<B, Long> A_ID = column("a_id", BIGINT, b -> b.aId, (b, v) -> b.aId = v, notNull(),
                references(() -> ATable.AS.ID));
        final ManyToOne<B, A> A_REF = manyToOne("a", A_ID, () -> ATable.AS, b -> b.a, (b, v) -> b.a = v);

        private BTable() {
            super("cyc_b", B.class, B::new);
        }
    }

    @Test
    void aCycleOfNotNullKeysCannotBeOrderedAndSaysWhere() {
        UnitOfWork work = new UnitOfWork();
        A a = new A();
        B b = new B();
        a.b = b;
        b.a = a;
        work.add(ATable.AS, a);
        assertThatThrownBy(work::planFlush).isInstanceOf(CircularDependencyException.class)
                .hasMessageContaining("cyc_a -> cyc_b -> cyc_a").hasMessageContaining("NULL");
    }
}
