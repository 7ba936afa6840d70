package io.retort.examples;

import io.retort.examples.orm.Address;
import io.retort.examples.orm.AddressTable;
import io.retort.examples.orm.User;
import io.retort.examples.orm.UserTable;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.r2dbc.AsyncSession;
import io.retort.testkit.CapturedSql;
import io.retort.testkit.RetortTest;
import io.retort.testkit.SqlRecorder;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.examples.orm.AddressTable.ADDRESSES;
import static io.retort.examples.orm.UserTable.USERS;
import static io.retort.testkit.SqlAssertions.assertThatSql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's entities under retort-test, as a user's own tests would use it: a rolled-back session per test on
 * both paths, and the N+1 guard on the tutorial's eager loading.
 */
@RetortTest(tables = {UserTable.class, AddressTable.class})
class TutorialWithTestKitTest {

    @Test
    void aCommittedUserIsThereForTheTestOnly(Session session, Engine engine) {
        User sandy = new User("sandy", "Sandy Cheeks");
        sandy.getAddresses().add(new Address("sandy@sqlalchemy.org"));
        session.add(sandy);
        session.commit();
        assertThat(engine.<Long>scalar(select(count()).from(ADDRESSES))).isEqualTo(1L);
    }

    @Test
    void otherTestsLeaveNothingBehind(Session session) {
        assertThat(session.scalars(select(USERS))).isEmpty();
    }

    @Test
    void selectinLoadsEveryUsersAddressesInOneQuery(Session session, SqlRecorder recorder) {
        for (String name : List.of("ada", "bob", "cy")) {
            User user = new User(name, name.toUpperCase());
            user.getAddresses().add(new Address(name + "@example.com"));
            session.add(user);
        }
        session.commit();
        session.expungeAll();

        CapturedSql sql = recorder.capture(() -> session.<User>scalars(select(USERS), USERS.ADDRESSES.selectin())
                .forEach(user -> assertThat(user.getAddresses()).hasSize(1)));

        assertThatSql(sql).hasSelectCount(2);
    }

    @Test
    void theAsyncSessionIsRolledBackToo(AsyncSession session) {
        session.add(new User("patrick", "Patrick Star"));
        session.commit()
                .thenMany(session.<User>scalars(select(USERS)))
                .map(User::getName)
                .as(StepVerifier::create)
                .expectNext("patrick")
                .verifyComplete();
    }
}
