package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.IdentityConflictException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.NullAttributeException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.PrimaryKeyChangeException;
import io.retort.exception.SessionClosedException;
import io.retort.exception.StaleObjectException;
import io.retort.exception.UnmappedClassException;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.testing.orm.AccountTable.ACCOUNTS;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ORM scenarios every session runs, written once: CRUD, identity, dirty checking, batching, rollback rules,
 * optimistic locking, cascades, relationships both ways and eager loading without N+1. A session module
 * subclasses this with its {@link OrmDriver}; every dialect and path gets all scenarios (those of its superclasses too).
 */
public abstract class OrmScenarios extends UnitOfWorkScenarios {

    @ParameterizedTest
    @MethodSource("dialects")
    void addCommitGetAndIdentity(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed Jones", 30);
        try (ScenarioSession s = d.open()) {
            s.add(ed);
            assertThat(ed.getId()).isNull();
            s.commit();
            assertThat(ed.getId()).as("the generated id is set on the object").isNotNull();
            assertThat(s.get(USERS, ed.getId())).as("identity map: the same object").isSameAs(ed);
            List<User> found = s.scalars(select(USERS).where(USERS.NAME.eq("ed")));
            assertThat(found).containsExactly(ed);
        }
        try (ScenarioSession s = d.open()) {
            User loaded = s.get(USERS, ed.getId());
            assertThat(loaded).isNotSameAs(ed);
            assertThat(loaded.getFullname()).isEqualTo("Ed Jones");
            assertThat(s.get(USERS, ed.getId())).isSameAs(loaded);
            assertThat(s.get(USERS, -1L)).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void dirtyCheckingUpdatesChangedColumnsOnly(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.addAll(List.of(new User("ed", "Ed Jones", 30), new User("wendy", "Wendy Williams", 25)));
            s.commit();
        }
        d.clearStatements();
        try (ScenarioSession s = d.open()) {
            List<User> eds = s.scalars(select(USERS).where(USERS.NAME.eq("ed")));
            eds.get(0).setFullname("Edward Jones");
            s.commit();
            assertThat(d.statements()).filteredOn(sql -> sql.startsWith("UPDATE"))
                    .extracting(sql -> sql.replaceAll("\\$\\d+", "?"))   // JDBC writes ?, R2DBC $1
                    .containsExactly("UPDATE orm_users SET fullname = ? WHERE orm_users.id = ?");
            d.clearStatements();
            s.commit();
            assertThat(d.statements()).filteredOn(sql -> !sql.startsWith("COMMIT") && !sql.startsWith("BEGIN"))
                    .as("unchanged objects issue nothing").isEmpty();
        }
        try (ScenarioSession s = d.open()) {
            List<User> all = s.scalars(select(USERS).orderBy(USERS.NAME.desc()));
            assertThat(all).extracting(User::getName).containsExactly("wendy", "ed");
            assertThat(all.get(1).getFullname()).isEqualTo("Edward Jones");
            assertThat(s.count(USERS)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void insertsOfOneTableAreBatchedAndKeysMatchInputOrder(Dialect dialect) {
        OrmDriver d = start(dialect);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            users.add(new User("u" + i, null, i));
        }
        d.clearStatements();
        try (ScenarioSession s = d.open()) {
            s.addAll(users);
            s.flush();
            assertThat(d.statements()).filteredOn(sql -> sql.contains("INSERT INTO orm_users")).hasSize(3);
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            for (User u : List.of(users.get(0), users.get(499), users.get(500), users.get(1199))) {
                assertThat(s.get(USERS, u.getId()).getName()).as("key of " + u.getName()).isEqualTo(u.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleteAndRollbackRules(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", null, 30);
        try (ScenarioSession s = d.open()) {
            s.add(ed);
            s.commit();
            s.delete(ed);
            s.flush();
            assertThat(s.count(USERS)).isZero();
            s.rollback();
            assertThat(s.contains(ed)).as("deleted but not committed: back in the session").isTrue();
            User added = new User("fred", null, 1);
            s.add(added);
            s.flush();
            assertThat(added.getId()).isNotNull();
            s.rollback();
            assertThat(s.contains(added)).as("added since the last commit: gone").isFalse();
            assertThat(added.getId()).as("its generated key was rolled back").isNull();
            s.delete(ed);
            s.commit();
            assertThat(s.count(USERS)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void optimisticLockingDetectsConcurrentChange(Dialect dialect) {
        OrmDriver d = start(dialect);
        Account acc = new Account();
        acc.setOwner("ann");
        acc.setBalance(100);
        try (ScenarioSession s = d.open()) {
            s.add(acc);
            s.commit();
            assertThat(acc.getVersion()).isEqualTo(1);
        }
        try (ScenarioSession first = d.open(); ScenarioSession second = d.open()) {
            Account a1 = first.get(ACCOUNTS, acc.getId());
            Account a2 = second.get(ACCOUNTS, acc.getId());
            a1.setBalance(150);
            first.commit();
            assertThat(a1.getVersion()).isEqualTo(2);
            a2.setBalance(50);
            a2.setOwner("bob");
            assertThatThrownBy(second::commit).isInstanceOf(StaleObjectException.class).hasMessageContaining("expected version [1]");
            assertThatThrownBy(() -> second.get(ACCOUNTS, acc.getId())).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rollback()");
            second.rollback();
            Account reloaded = second.get(ACCOUNTS, acc.getId());
            assertThat(reloaded.getBalance()).as("expired by the rollback, reloaded").isEqualTo(150);
            assertThat(reloaded.getOwner()).as("nothing partly written").isEqualTo("ann");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void failedFlushRollsBackAndSaysSo(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.add(new User("ed", null, 1));
            s.commit();
            s.add(new User("ok", null, 2));
            s.add(new User("ed", null, 3));
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityViolationException.class);
            assertThatThrownBy(() -> s.scalars(select(USERS))).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rolled back").hasMessageContaining("session.rollback()")
                    .hasCauseInstanceOf(IntegrityViolationException.class);
            s.rollback();
            List<User> users = s.scalars(select(USERS));
            assertThat(users).extracting(User::getName).containsExactly("ed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void badUseGetsClearErrors(Dialect dialect) {
        OrmDriver d = start(dialect);
        ScenarioSession s = d.open();
        User ed = new User("ed", null, 1);
        s.add(ed);
        s.commit();
        User twin = new User("twin", null, 2);
        twin.setId(ed.getId());
        assertThatThrownBy(() -> s.add(twin)).isInstanceOf(IdentityConflictException.class)
                .hasMessageContaining("User[id=" + ed.getId() + "]");
        assertThatThrownBy(() -> s.add("not an entity")).isInstanceOf(UnmappedClassException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> s.delete(new User())).isInstanceOf(DetachedEntityException.class);
        try (ScenarioSession other = d.open()) {
            assertThatThrownBy(() -> other.add(ed)).isInstanceOf(io.retort.exception.ObjectOwnedByOtherSessionException.class)
                    .hasMessageContaining("merge");
        }
        s.add(new User(null, null, 3));
        assertThatThrownBy(s::flush).isInstanceOf(NullAttributeException.class).hasMessageContaining("User.name");
        s.rollback();
        User loaded = s.get(USERS, ed.getId());
        loaded.setId(loaded.getId() + 1000);
        assertThatThrownBy(s::flush).isInstanceOf(PrimaryKeyChangeException.class);
        s.rollback();
        s.close();
        assertThatThrownBy(() -> s.get(USERS, 1L)).isInstanceOf(SessionClosedException.class);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void expireOnCommitShowsOtherTransactionsChanges(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            User ed = new User("ed", null, 30);
            s.add(ed);
            s.commit();
            d.execute(update(USERS).set(USERS.AGE, 31).where(USERS.ID.eq(ed.getId())));
            List<User> again = s.scalars(select(USERS));
            assertThat(again.get(0)).isSameAs(ed);
            assertThat(ed.getAge()).as("expired at commit, so the load refreshed it").isEqualTo(31);
            ed.setAge(40);
            d.execute(update(USERS).set(USERS.AGE, 50).where(USERS.ID.eq(ed.getId())));
            s.refresh(ed);
            assertThat(ed.getAge()).as("refresh discards the unflushed change").isEqualTo(50);
        }
    }

    // ---- relationships ----------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void newParentAndChildrenAreSavedTogetherAndLinkedBothWays(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "jack@google.com", "j25@yahoo.com");
        try (ScenarioSession s = d.open()) {
            s.add(jack);
            s.commit();
            assertThat(jack.getId()).isNotNull();
            assertThat(jack.getAddresses()).allSatisfy(a -> {
                assertThat(a.getId()).isNotNull();
                assertThat(a.getPerson()).isSameAs(jack);
                assertThat(a.getPersonId()).isEqualTo(jack.getId());
            });
        }
        try (ScenarioSession s = d.open()) {
            Person loaded = s.get(PERSONS, jack.getId());
            List<Address> addresses = s.fetch(loaded, PERSONS.ADDRESSES);
            assertThat(addresses).extracting(Address::getEmail).containsExactly("jack@google.com", "j25@yahoo.com");
            assertThat(loaded.getAddresses()).containsExactlyElementsOf(addresses);
            assertThat(addresses.get(0).getPerson()).isSameAs(loaded);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void selectinLoadsChildrenOfManyParentsInOneQuery(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            for (int i = 0; i < 10; i++) {
                s.add(personWith("p" + i, "a" + i + "@x", "b" + i + "@x", "c" + i + "@x"));
            }
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Person> people = s.scalars(select(PERSONS).orderBy(PERSONS.NAME), PERSONS.ADDRESSES.selectin());
            int total = 0;
            for (Person p : people) {
                total += p.getAddresses().size();
                assertThat(p.getAddresses()).allSatisfy(a -> assertThat(a.getPerson()).isSameAs(p));
            }
            assertThat(total).isEqualTo(30);
            assertThat(selects()).as("no N+1: parents, then children of all parents").isEqualTo(2);
        }
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Address> all = s.scalars(select(ADDRESSES));
            assertThat(all).hasSize(30).allSatisfy(a -> assertThat(a.getPerson()).isNotNull());
            assertThat(selects()).as("many-to-one parents come in one IN query").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void joinedLoadingReadsOwnersAndChildrenInOneQuery(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.addAll(List.of(personWith("ann", "a1@x", "a2@x"), personWith("bob"), personWith("cy", "c1@x")));
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Person> people = s.scalars(select(PERSONS).where(PERSONS.NAME.ne("zed")).orderBy(PERSONS.NAME),
                    PERSONS.ADDRESSES.joined());
            assertThat(selects()).as("one statement for owners and children").isEqualTo(1);
            assertThat(d.statements().get(0)).contains("LEFT JOIN orm_addresses");
            assertThat(people).extracting(Person::getName).containsExactly("ann", "bob", "cy");
            assertThat(people.get(0).getAddresses()).extracting(Address::getEmail).containsExactly("a1@x", "a2@x");
            assertThat(people.get(1).getAddresses()).isEmpty();
            assertThat(people.get(2).getAddresses().get(0).getPerson()).isSameAs(people.get(2));
            assertThat(selects()).as("nothing loaded later").isEqualTo(1);
            List<Person> limited = s.scalars(select(PERSONS).orderBy(PERSONS.NAME).limit(2), PERSONS.ADDRESSES.joined());
            assertThat(limited).hasSize(2).as("with a LIMIT, the children still load eagerly").allSatisfy(p -> p.getAddresses().size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void orphansAndCascadedDeletes(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x", "b@x", "c@x");
        Person wendy = personWith("wendy", "w@x");
        try (ScenarioSession s = d.open()) {
            s.addAll(List.of(jack, wendy));
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            List<Person> loaded = s.scalars(select(PERSONS).where(PERSONS.ID.eq(jack.getId())), PERSONS.ADDRESSES.selectin());
            Address b = loaded.get(0).getAddresses().remove(1);
            assertThat(b.getEmail()).isEqualTo("b@x");
            s.commit();
            assertThat(s.count(ADDRESSES)).as("delete-orphan").isEqualTo(3L);
        }
        try (ScenarioSession s = d.open()) {
            s.delete(s.get(PERSONS, jack.getId()));   // its addresses were never loaded
            s.commit();
            List<Address> left = s.scalars(select(ADDRESSES));
            assertThat(left).extracting(Address::getEmail).containsExactly("w@x");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void movingAChildFromEitherSideKeepsBothSidesInSync(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.addAll(List.of(personWith("jack", "a@x"), personWith("wendy")));
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            List<Person> people = s.scalars(select(PERSONS).orderBy(PERSONS.NAME), PERSONS.ADDRESSES.selectin());
            Person jack = people.get(0);
            Person wendy = people.get(1);
            assertThat(wendy.getAddresses()).isEmpty();
            Address a = jack.getAddresses().get(0);
            a.setPerson(wendy);                     // the child's side
            s.flush();
            assertThat(wendy.getAddresses()).containsExactly(a);
            assertThat(jack.getAddresses()).isEmpty();
            assertThat(a.getPersonId()).isEqualTo(wendy.getId());
            Address fresh = new Address("new@x");
            jack.getAddresses().add(fresh);         // the parent's side
            assertThat(fresh.getPerson()).as("set at once by the session's list").isSameAs(jack);
            s.commit();
            assertThat(fresh.getId()).isNotNull();
        }
        try (ScenarioSession s = d.open()) {
            List<Address> all = s.scalars(select(ADDRESSES).orderBy(ADDRESSES.EMAIL));
            assertThat(all).extracting(a -> a.getEmail() + "->" + a.getPerson().getName()).containsExactly("a@x->wendy", "new@x->jack");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void manyToManyThroughAnAssociationTable(Dialect dialect) {
        OrmDriver d = start(dialect);
        Keyword k1 = new Keyword("java");
        Keyword k2 = new Keyword("sql");
        Post p1 = new Post("first");
        p1.getKeywords().addAll(List.of(k1, k2));
        Post p2 = new Post("second");
        p2.getKeywords().add(k2);
        try (ScenarioSession s = d.open()) {
            s.addAll(List.of(p1, p2));          // the keywords are saved too
            s.commit();
            assertThat(k1.getId()).isNotNull();
            assertThat(s.count(PostKeywords.POST_KEYWORDS)).isEqualTo(3);
        }
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Post> posts = s.scalars(select(PostTable.POSTS).orderBy(PostTable.POSTS.TITLE), PostTable.POSTS.KEYWORDS.selectin());
            assertThat(posts.get(0).getKeywords()).extracting(Keyword::getWord).containsExactly("java", "sql");
            assertThat(posts.get(1).getKeywords().get(0)).as("one object per key").isSameAs(posts.get(0).getKeywords().get(1));
            long loads = d.statements().stream().filter(sql -> sql.contains("orm_keywords")).count();
            assertThat(loads).as("keywords of all posts in one query").isEqualTo(1);
            Post first = posts.get(0);
            first.getKeywords().removeIf(k -> k.getWord().equals("java"));
            first.getKeywords().add(new Keyword("orm"));
            s.commit();
            assertThat(s.count(PostKeywords.POST_KEYWORDS)).isEqualTo(3);
        }
        try (ScenarioSession s = d.open()) {
            List<Keyword> java = s.scalars(select(KeywordTable.KEYWORDS).where(KeywordTable.KEYWORDS.WORD.eq("java")),
                    KeywordTable.KEYWORDS.POSTS.selectin());
            assertThat(java.get(0).getPosts()).as("from the other side").isEmpty();
            Post second = s.get(PostTable.POSTS, p2.getId());
            java.get(0).getPosts().add(second);  // the keyword's side
            s.commit();
            List<Post> again = s.scalars(select(PostTable.POSTS).where(PostTable.POSTS.ID.eq(p2.getId())),
                    PostTable.POSTS.KEYWORDS.selectin());
            assertThat(again.get(0).getKeywords()).extracting(Keyword::getWord).containsExactlyInAnyOrder("java", "sql");
            s.delete(s.get(PostTable.POSTS, p1.getId()));
            s.commit();
            assertThat(s.count(PostKeywords.POST_KEYWORDS)).as("the deleted post's rows went by key").isEqualTo(2);
            assertThat(s.count(KeywordTable.KEYWORDS)).as("keywords stay").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void oneToOneLoadsWithItsOwnerAndGoesWithIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        Post post = new Post("with detail");
        PostDetail detail = new PostDetail("long text");
        post.setDetail(detail);
        try (ScenarioSession s = d.open()) {
            s.add(post);
            s.commit();
            assertThat(detail.getPostId()).isEqualTo(post.getId());
            assertThat(detail.getPost()).isSameAs(post);
        }
        try (ScenarioSession s = d.open()) {
            Post loaded = s.get(PostTable.POSTS, post.getId());
            assertThat(loaded.getDetail()).isNotNull();
            assertThat(loaded.getDetail().getBody()).isEqualTo("long text");
            assertThat(loaded.getDetail().getPost()).isSameAs(loaded);
            s.delete(loaded);
            s.commit();
            assertThat(s.count(PostDetailTable.DETAILS)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void newObjectsReferringToEachOtherInOneTableAreInsertedThenLinked(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node child = new Node("child", root);
        Node grandchild = new Node("grandchild", child);
        try (ScenarioSession s = d.open()) {
            s.add(grandchild);            // its ancestors are saved too, in one INSERT, then linked
            s.commit();
            assertThat(grandchild.getParentId()).isEqualTo(child.getId());
            assertThat(child.getParentId()).isEqualTo(root.getId());
        }
        try (ScenarioSession s = d.open()) {
            Node loaded = s.get(NodeTable.NODES, grandchild.getId());
            assertThat(loaded.getParent().getName()).isEqualTo("child");
            assertThat(loaded.getParent().getParent().getName()).isEqualTo("root");
            assertThat(loaded.getParent().getParent().getParent()).isNull();
        }
    }
}
