package io.retort.orm;

import io.retort.exception.NoResultException;
import io.retort.orm.internal.EntityRegistry;
import io.retort.orm.internal.SessionProgram;
import io.retort.orm.internal.SessionPrograms;
import io.retort.orm.internal.SessionRules;
import io.retort.orm.internal.UnitOfWork;
import io.retort.testing.orm.Address;
import io.retort.testing.orm.Keyword;
import io.retort.testing.orm.Person;
import io.retort.testing.orm.Post;
import io.retort.testing.orm.ScenarioSupport;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.select;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.KeywordTable.KEYWORDS;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.PostTable.POSTS;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session operations as programs, run against a script instead of a database: which statements each
 * operation sends, in which order, and what it does to the identity map. Both sessions run these programs; the
 * database suites prove them on H2 and PostgreSQL.
 */
class SessionProgramsTest {
    private final UnitOfWork work = new UnitOfWork();
    private final ScriptedRunner db = new ScriptedRunner();
    private final SessionRules rules = new SessionRules();

    private SessionPrograms programs(SessionOptions options) {
        return new SessionPrograms(work, new EntityRegistry(ScenarioSupport.ENTITY_TABLES), options, (owner, r) -> {
            throw new AssertionError("no lazy load expected: " + r);
        }, rules);
    }

    private final SessionPrograms programs = programs(SessionOptions.defaults());

    @Test
    void getQueriesOnceThenAnswersFromTheIdentityMap() {
        db.expect("SELECT orm_users.id, orm_users.name", new Object[]{1L, "ed", "Ed", 30});
        User ed = db.run(programs.get(USERS, 1L));
        assertThat(ed.getName()).isEqualTo("ed");
        assertThat(db.run(programs.get(USERS, 1L))).isSameAs(ed);
        db.expect("SELECT orm_users.id");
        assertThat(db.run(programs.get(USERS, 2L))).as("no row").isNull();
        assertThat(db.ran()).hasSize(2);
        db.assertScriptUsed();
    }

    @Test
    void aFailedFlushRollsBackAtOnceAndLeavesOnlyRollback() {
        User ed = new User("ed", "Ed", 30);
        programs.add(ed);
        RuntimeException duplicate = new io.retort.exception.RetortException("duplicate key");
        db.expectFailure("INSERT INTO orm_users", duplicate);
        assertThatThrownBy(() -> db.run(programs.commit())).isSameAs(duplicate);
        assertThat(db.ran()).as("rolled back, never committed").hasSize(2).last().isEqualTo("ROLLBACK");
        assertThat(rules.needsRollback()).isTrue();
        assertThatThrownBy(() -> rules.enter("flush"))
                .hasMessageContaining("rollback()");

        db.run(programs.rollback());
        assertThat(rules.needsRollback()).isFalse();
        assertThat(work.contains(ed)).as("pending objects leave the session at rollback").isFalse();
        db.assertScriptUsed();
    }

    @Test
    void aFailedCommitFailsWithoutTheCommitRulesAndTheRollbackRulesStillApply() {
        User ed = new User("ed", "Ed", 30);
        programs.add(ed);
        RuntimeException refused = new io.retort.exception.RetortException("could not serialize access");
        db.expect("INSERT INTO orm_users", new Object[]{5L}).failCommit(refused);
        assertThatThrownBy(() -> db.run(programs.commit())).isSameAs(refused);
        assertThat(work.find(USERS, 5L)).as("not expired as committed").isSameAs(ed);

        db.run(programs.rollback());
        assertThat(work.contains(ed)).as("inserted in a transaction that never committed: gone").isFalse();
        db.assertScriptUsed();
    }

    @Test
    void evaluateRefusesWhatJavaCannotComputeBeforeAnythingRuns() {
        db.expect("SELECT orm_users.id", new Object[]{1L, "ed", "Ed", 30});
        User ed = db.run(programs.get(USERS, 1L));
        for (io.retort.expression.Condition where : List.of(USERS.NAME.like("e%"), USERS.FULLNAME.lt("F"),
                USERS.AGE.in(select(USERS.AGE).from(USERS)))) {
            assertThatThrownBy(() -> db.run(programs.execute(io.retort.Sql.update(USERS).set(USERS.AGE, 1).where(where),
                    SynchronizeSession.EVALUATE)))
                    .as("%s", where)
                    .isInstanceOf(io.retort.exception.InvalidStatementException.class)
                    .hasMessageContaining("SynchronizeSession.FETCH");
        }
        assertThat(db.ran()).as("nothing sent").hasSize(1);

        db.expectCount("UPDATE orm_users", 1);
        db.run(programs.execute(io.retort.Sql.update(USERS).set(USERS.AGE, USERS.AGE.times(2)).where(USERS.ID.eq(1L)
                .and(USERS.AGE.between(18, 65))), SynchronizeSession.EVALUATE));
        assertThat(ed.getAge()).isEqualTo(60);
        db.expectCount("UPDATE orm_users", 1);
        db.run(programs.execute(io.retort.Sql.update(USERS).set(USERS.AGE, USERS.AGE.div(2)).where(USERS.ID.eq(1L)),
                SynchronizeSession.EVALUATE));
        assertThat(work.stateOf(ed)).isEqualTo(EntityStatus.PERSISTENT);
        db.expect("SELECT orm_users.id", new Object[]{1L, "ed", "Ed", 30});
        assertThat(db.run(programs.get(USERS, 1L))).as("division is not computed in Java: expired and reloaded")
                .isSameAs(ed).extracting(User::getAge).isEqualTo(30);
        db.assertScriptUsed();
    }

    @Test
    void commitFlushesCommitsThenExpiresUnlessTheOptionsSayNot() {
        User ed = new User("ed", "Ed", 30);
        programs.add(ed);
        db.expect("INSERT INTO orm_users", new Object[]{5L});
        db.run(programs.commit());
        assertThat(db.ran()).hasSize(2).last().isEqualTo("COMMIT");
        assertThat(ed.getId()).isEqualTo(5L);
        assertThat(work.find(USERS, 5L)).as("expired: the next get loads it again").isNull();

        UnitOfWork other = new UnitOfWork();
        SessionPrograms keep = new SessionPrograms(other, new EntityRegistry(ScenarioSupport.ENTITY_TABLES),
                SessionOptions.defaults().expireOnCommit(false), (o, r) -> List.of(), new SessionRules());
        User wendy = new User("wendy", "Wendy", 25);
        keep.add(wendy);
        db.expect("INSERT INTO orm_users", new Object[]{6L});
        db.run(keep.commit());
        assertThat(other.find(USERS, 6L)).isSameAs(wendy);
        db.assertScriptUsed();
    }

    @Test
    void queriesFlushFirstUnlessAutoflushIsOffOrSuspended() {
        User ed = new User("ed", "Ed", 30);
        SessionPrograms manual = programs(SessionOptions.defaults().autoflush(false));
        manual.add(ed);
        db.expect("SELECT orm_users.id");
        db.run(manual.query(select(USERS), List.of()));
        assertThat(ed.getId()).as("not flushed").isNull();

        programs.suspendAutoflush();
        db.expect("SELECT orm_users.id");
        db.run(programs.query(select(USERS), List.of()));
        programs.resumeAutoflush();
        db.expect("INSERT INTO orm_users", new Object[]{9L}).expect("SELECT orm_users.id");
        db.run(programs.query(select(USERS), List.of()));
        assertThat(ed.getId()).isEqualTo(9L);
        db.assertScriptUsed();
    }

    @Test
    void flushStatementsAreMarkedSoAFailureRollsBackAndQueriesAreNot() {
        assertThat(programs.query(select(USERS), List.of())).isInstanceOfSatisfying(SessionProgram.Execute.class,
                step -> assertThat(step.flush()).isFalse());
        programs.add(new User("ed", "Ed", 30));
        assertThat(programs.flush()).isInstanceOfSatisfying(SessionProgram.Execute.class,
                step -> assertThat(step.flush()).isTrue());
    }

    @Test
    void refreshOfAMissingRowFailsAndForgetsTheObject() {
        User ed = work.load(USERS, new Object[]{1L, "ed", "Ed", 30});
        db.expect("SELECT orm_users.id");
        assertThatThrownBy(() -> db.run(programs.refresh(ed))).isInstanceOf(NoResultException.class)
                .hasMessageContaining("User[1]");
        assertThat(work.contains(ed)).isFalse();
    }

    @Test
    void aChildAppendedToALoadedCollectionIsUpdatedAtTheNextFlush() {
        Person jack = work.load(PERSONS, new Object[]{1L, "jack"});
        work.collectionLoaded(PERSONS.ADDRESSES, jack, List.of());
        Address loose = work.load(ADDRESSES, new Object[]{7L, "loose@x", null});
        jack.getAddresses().add(loose);
        db.expectCount("UPDATE orm_addresses SET person_id = $1 WHERE orm_addresses.id = $2", 1);
        db.run(programs.flush());
        assertThat(loose.getPersonId()).isEqualTo(1L);
        db.assertScriptUsed();
    }

    @Test
    void aManyToManyReplacedBeforeItWasLoadedIsLoadedByTheFlushToCompare() {
        db.expect("SELECT orm_posts.id", new Object[]{1L, "p"}).expect("SELECT orm_post_details.id");
        Post post = db.run(programs.get(POSTS, 1L));   // keywords lazy, not loaded; the detail loads with it
        db.expect("SELECT orm_keywords.id", new Object[]{10L, "k1"}).expect("SELECT orm_keywords.id", new Object[]{30L, "k3"});
        Keyword k1 = db.run(programs.get(KEYWORDS, 10L));
        Keyword k3 = db.run(programs.get(KEYWORDS, 30L));
        post.setKeywords(new ArrayList<>(List.of(k1, k3)));
        db.expect("SELECT orm_keywords.id, orm_keywords.word FROM orm_keywords JOIN orm_post_keywords",
                        new Object[]{10L, "k1"}, new Object[]{20L, "k2"})
                .expectCount("DELETE FROM orm_post_keywords", 1)
                .expectCount("INSERT INTO orm_post_keywords", 1);
        db.run(programs.flush());
        db.assertScriptUsed();
        assertThat(post.getKeywords()).containsExactly(k1, k3);
    }
}
