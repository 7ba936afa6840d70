package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.NoResultException;
import io.retort.exception.StaleObjectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.testing.orm.AccountTable.ACCOUNTS;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.KeywordTable.KEYWORDS;
import static io.retort.testing.orm.NodeTable.NODES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.PostKeywords.POST_KEYWORDS;
import static io.retort.testing.orm.PostTable.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit of work's promises where a session could lose or corrupt data: changes made through either side of a
 * relationship, collections replaced by assignment, expiry of collections, detached objects, refresh of a deleted
 * row, merge of a stale version, and the order of rows of one table. Each scenario checks the database from a
 * fresh session, and the statements sent where their shape matters.
 */
public abstract class UnitOfWorkScenarios extends SessionApiScenarios {

    @ParameterizedTest
    @MethodSource("dialects")
    void aFlushedChildAppendedToACollectionGetsItsForeignKeyWritten(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = new Person("jack");
        Address loose = new Address("loose@x");
        saveAll(jack, loose);
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            Address a = s.get(ADDRESSES, loose.getId());
            p.getAddresses().add(a);
            d.clearStatements();
            s.commit();
            assertThat(writes()).containsExactly("UPDATE orm_addresses SET person_id = ? WHERE orm_addresses.id = ?");
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(ADDRESSES, loose.getId()).getPersonId()).as("written, not only changed in memory")
                    .isEqualTo(jack.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aChildMovedBetweenCollectionsIsWrittenAtTheFirstFlush(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(personWith("jack", "a@x"), personWith("wendy"));
        try (ScenarioSession s = d.open()) {
            List<Person> people = s.scalars(select(PERSONS).orderBy(PERSONS.NAME), PERSONS.ADDRESSES.selectin());
            Address a = people.get(0).getAddresses().remove(0);
            people.get(1).getAddresses().add(a);
            d.clearStatements();
            s.flush();
            assertThat(writes()).as("the first flush writes the move; no orphan delete")
                    .containsExactly("UPDATE orm_addresses SET person_id = ? WHERE orm_addresses.id = ?");
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            List<Address> all = s.scalars(select(ADDRESSES));
            assertThat(all).extracting(a -> a.getPerson().getName()).containsExactly("wendy");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aManyToManyCollectionReplacedByAssignmentIsComparedWithWhatWasLoaded(Dialect dialect) {
        OrmDriver d = start(dialect);
        Keyword k1 = new Keyword("k1");
        Keyword k2 = new Keyword("k2");
        Keyword k3 = new Keyword("k3");
        Post post = new Post("p");
        post.getKeywords().addAll(List.of(k1, k2));
        saveAll(post, k3);
        try (ScenarioSession s = d.open()) {
            Post p = s.<Post>scalars(select(POSTS), POSTS.KEYWORDS.selectin()).get(0);
            p.setKeywords(new ArrayList<>(List.of(s.get(KEYWORDS, k1.getId()), s.get(KEYWORDS, k3.getId()))));
            d.clearStatements();
            s.commit();
            assertThat(writes()).as("k2's row deleted, k3's inserted, k1's kept").hasSize(2);
        }
        assertThat(wordsOf(d, post.getId())).containsExactly("k1", "k3");
        try (ScenarioSession s = d.open()) {
            Post p = s.get(POSTS, post.getId());   // keywords lazy and never touched: the flush loads them to compare
            p.setKeywords(new ArrayList<>(List.of(s.get(KEYWORDS, k2.getId()), s.get(KEYWORDS, k3.getId()))));
            s.commit();
        }
        assertThat(wordsOf(d, post.getId())).containsExactly("k2", "k3");
        try (ScenarioSession s = d.open()) {
            assertThat(s.count(POST_KEYWORDS)).as("no duplicate association rows").isEqualTo(2);
        }
    }

    private static List<String> wordsOf(OrmDriver d, Long postId) {
        try (ScenarioSession s = d.open()) {
            Post p = s.<Post>scalars(select(POSTS).where(POSTS.ID.eq(postId)), POSTS.KEYWORDS.selectin()).get(0);
            return p.getKeywords().stream().map(Keyword::getWord).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aOneToManyCollectionReplacedByAssignmentOrphansWhatItLeftOut(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x", "b@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            Person p = s.get(PERSONS, jack.getId());   // addresses not loaded
            Address keep = s.<Address>scalars(select(ADDRESSES).where(ADDRESSES.EMAIL.eq("a@x"))).get(0);
            p.setAddresses(new ArrayList<>(List.of(keep, new Address("c@x"))));
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            List<Address> left = s.scalars(select(ADDRESSES).orderBy(ADDRESSES.EMAIL));
            assertThat(left).extracting(Address::getEmail).as("b@x was an orphan (delete-orphan)").containsExactly("a@x", "c@x");
            assertThat(left).extracting(Address::getPersonId).containsOnly(jack.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void loadedCollectionsExpireWithTheirOwner(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            assertThat(p.getAddresses()).hasSize(1);
            d.execute(insertInto(ADDRESSES).set(ADDRESSES.EMAIL, "b@x").set(ADDRESSES.PERSON_ID, jack.getId()));
            s.commit();   // expire on commit
            s.scalars(select(PERSONS), PERSONS.ADDRESSES.selectin());
            assertThat(p.getAddresses()).as("after commit").extracting(Address::getEmail).containsExactlyInAnyOrder("a@x", "b@x");

            d.execute(insertInto(ADDRESSES).set(ADDRESSES.EMAIL, "c@x").set(ADDRESSES.PERSON_ID, jack.getId()));
            s.commit();
            s.expire(p);
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).as("after expire").hasSize(3);

            d.execute(insertInto(ADDRESSES).set(ADDRESSES.EMAIL, "d@x").set(ADDRESSES.PERSON_ID, jack.getId()));
            s.refresh(p);
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).as("after refresh").hasSize(4);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anExpungedObjectNoLongerLoadsThroughTheSession(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            Person p = s.get(PERSONS, jack.getId());
            s.expunge(p);
            assertThatThrownBy(() -> s.fetch(p, PERSONS.ADDRESSES)).isInstanceOf(DetachedEntityException.class)
                    .hasMessageContaining("does not hold it");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void refreshOfARowAnotherTransactionDeletedFailsAndForgetsTheObject(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        saveAll(ed);
        try (ScenarioSession s = d.open()) {
            User u = s.get(UserTable.USERS, ed.getId());
            d.execute(deleteFrom(UserTable.USERS).where(UserTable.USERS.ID.eq(ed.getId())));
            assertThatThrownBy(() -> s.refresh(u)).isInstanceOf(NoResultException.class)
                    .hasMessageContaining("User[" + ed.getId() + "]").hasMessageContaining("removed from this session");
            assertThat(s.contains(u)).isFalse();
            s.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeOfAnObjectCarryingAnOlderVersionFailsInsteadOfOverwriting(Dialect dialect) {
        OrmDriver d = start(dialect);
        Account a = new Account();
        a.setOwner("ann");
        a.setBalance(100);
        saveAll(a);
        Account stale = new Account();
        stale.setId(a.getId());
        stale.setOwner("ann");
        stale.setBalance(5);
        stale.setVersion(a.getVersion());
        d.execute(update(ACCOUNTS).set(ACCOUNTS.BALANCE, 200).set(ACCOUNTS.VERSION, a.getVersion() + 1)
                .where(ACCOUNTS.ID.eq(a.getId())));
        try (ScenarioSession s = d.open()) {
            assertThatThrownBy(() -> s.merge(stale)).isInstanceOf(StaleObjectException.class)
                    .hasMessageContaining("version");
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(ACCOUNTS, a.getId()).getBalance()).as("the newer row is kept").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingAParentWithoutADeleteCascadeLeavesItsChildrenWithoutAParent(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node loaded = new Node("loaded", root);
        Node unloaded = new Node("unloaded", root);
        saveAll(root, loaded, unloaded);
        try (ScenarioSession s = d.open()) {
            Node r = s.get(NODES, root.getId());
            Node child = s.get(NODES, loaded.getId());
            s.delete(r);
            s.commit();
            assertThat(child.getParentId()).isNull();
        }
        try (ScenarioSession s = d.open()) {
            List<Node> left = s.scalars(select(NODES).orderBy(NODES.NAME));
            assertThat(left).extracting(Node::getName).containsExactly("loaded", "unloaded");
            assertThat(left).extracting(Node::getParentId).containsOnlyNulls();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTreeIsInsertedParentsFirstAndDeletedChildrenFirstWithoutExtraUpdates(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node child = new Node("child", root);
        Node grandchild = new Node("grandchild", child);
        d.clearStatements();
        saveAll(grandchild, child, root);
        assertThat(writes()).as("one INSERT per level, no UPDATE").hasSize(3).allMatch(sql -> sql.contains("INSERT INTO"));
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(NODES, grandchild.getId()).getParentId()).isEqualTo(child.getId());
            d.clearStatements();
            for (Node n : s.<Node>scalars(select(NODES))) {
                s.delete(n);
            }
            s.commit();
            assertThat(writes()).as("children first, one DELETE per level").filteredOn(sql -> sql.startsWith("DELETE")).hasSize(3);
            assertThat(s.count(NODES)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anObjectFromAClosedSessionIsReattachedAndWrittenOnlyIfChanged(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        try (ScenarioSession s = d.open()) {
            assertThat(s.state(ed)).isEqualTo(io.retort.orm.EntityStatus.TRANSIENT);
            s.add(ed);
            assertThat(s.state(ed)).isEqualTo(io.retort.orm.EntityStatus.PENDING);
            s.commit();
            assertThat(s.state(ed)).isEqualTo(io.retort.orm.EntityStatus.PERSISTENT);
        }
        d.clearStatements();
        try (ScenarioSession s = d.open()) {
            assertThat(s.state(ed)).isEqualTo(io.retort.orm.EntityStatus.DETACHED);
            s.add(ed);
            assertThat(s.state(ed)).isEqualTo(io.retort.orm.EntityStatus.PERSISTENT);
            assertThat(s.isModified(ed)).isFalse();
            s.commit();
            assertThat(writes()).as("unchanged: no INSERT, no UPDATE").isEmpty();
        }
        ed.setAge(31);
        try (ScenarioSession s = d.open()) {
            s.add(ed);
            assertThat(s.dirtyObjects()).containsExactly(ed);
            s.commit();
            assertThat(writes()).containsExactly("UPDATE orm_users SET age = ? WHERE orm_users.id = ?");
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(UserTable.USERS, ed.getId()).getAge()).isEqualTo(31);
            assertThat(s.count(UserTable.USERS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theSessionReportsItsNewDirtyAndDeletedObjects(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(new User("a", "A", 1), new User("b", "B", 2));
        try (ScenarioSession s = d.open()) {
            List<User> users = s.scalars(select(UserTable.USERS).orderBy(UserTable.USERS.NAME));
            User fresh = new User("c", "C", 3);
            s.add(fresh);
            users.get(0).setAge(10);
            s.delete(users.get(1));
            assertThat(s.newObjects()).containsExactly(fresh);
            assertThat(s.dirtyObjects()).containsExactly(users.get(0));
            assertThat(s.deletedObjects()).containsExactly(users.get(1));
            assertThat(s.isModified(users.get(0))).isTrue();
            s.expungeAll();
            assertThat(s.contains(users.get(0))).isFalse();
            assertThat(s.state(users.get(0))).isEqualTo(io.retort.orm.EntityStatus.DETACHED);
            assertThat(s.state(fresh)).isEqualTo(io.retort.orm.EntityStatus.TRANSIENT);
            s.commit();
            assertThat(s.count(UserTable.USERS)).as("nothing was written").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void fetchOfALoadedCollectionSendsNothing(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            d.clearStatements();
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).hasSize(1);
            assertThat(d.statements()).isEmpty();
            s.expireAll();
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).hasSize(1);
            assertThat(selects()).as("expired: the addresses loaded again, and their parent, expired too").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aLazyManyToOneRunsNoQueryKeepsItsForeignKeyAndLoadsOnFetch(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x", "b@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Address> addresses = s.scalars(select(ADDRESSES).orderBy(ADDRESSES.EMAIL), ADDRESSES.PERSON.lazy());
            assertThat(selects()).as("no query for the parents").isEqualTo(1);
            Address a = addresses.get(0);
            assertThat(a.getPerson()).as("not loaded").isNull();
            assertThat(a.getPersonId()).isEqualTo(jack.getId());
            // the parent comes into the session another way: the unset reference still does not mean "no parent"
            assertThat(s.get(PERSONS, jack.getId())).isNotNull();
            a.setEmail("c@x");
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            Address c = s.<Address>scalars(select(ADDRESSES).where(ADDRESSES.EMAIL.eq("c@x"))).get(0);
            assertThat(c.getPersonId()).as("the foreign key was kept").isEqualTo(jack.getId());
            Address b = s.<Address>scalars(select(ADDRESSES).where(ADDRESSES.EMAIL.eq("b@x")), ADDRESSES.PERSON.lazy()).get(0);
            assertThat(b.getPerson()).as("the session holds jack: set without a query").isSameAs(c.getPerson());
        }
        try (ScenarioSession s = d.open()) {
            Address b = s.<Address>scalars(select(ADDRESSES).where(ADDRESSES.EMAIL.eq("b@x")), ADDRESSES.PERSON.lazy()).get(0);
            d.clearStatements();
            Person parent = s.fetch(b, ADDRESSES.PERSON);
            assertThat(parent.getName()).isEqualTo("jack");
            assertThat(b.getPerson()).isSameAs(parent);
            assertThat(s.fetch(b, ADDRESSES.PERSON)).as("held now: no query").isSameAs(parent);
            assertThat(selects()).isEqualTo(1);
            b.setPerson(null);
            b.setPersonId(null);
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.<Address>scalars(select(ADDRESSES).where(ADDRESSES.EMAIL.eq("b@x"))).get(0).getPersonId())
                    .as("a parent dropped through the key").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBulkDeleteThroughTheSessionTakesTheMatchedObjectsOutOfIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x", "b@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            Address a = p.getAddresses().get(0);
            s.execute(deleteFrom(ADDRESSES).where(ADDRESSES.EMAIL.eq("a@x")), io.retort.orm.SynchronizeSession.FETCH);
            assertThat(s.contains(a)).as("its row is gone").isFalse();
            p.setName("jack2");
            s.commit();   // the collection that held it was expired: nothing re-inserts it
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.<Address>scalars(select(ADDRESSES))).extracting(Address::getEmail).containsExactly("b@x");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBulkUpdateThroughTheSessionExpiresWhatItMatchedAndOnlyThat(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        User wendy = new User("wendy", "Wendy", 25);
        saveAll(ed, wendy);
        for (io.retort.orm.SynchronizeSession sync : io.retort.orm.SynchronizeSession.values()) {
            try (ScenarioSession s = d.open()) {
                User e = s.get(UserTable.USERS, ed.getId());
                User w = s.get(UserTable.USERS, wendy.getId());
                d.execute(update(UserTable.USERS).set(UserTable.USERS.FULLNAME, "W-" + sync).where(UserTable.USERS.ID.eq(wendy.getId())));
                s.execute(update(UserTable.USERS).set(UserTable.USERS.AGE, 40 + sync.ordinal()).where(UserTable.USERS.NAME.eq("ed")), sync);
                s.scalars(select(UserTable.USERS));
                assertThat(e.getAge()).as("%s: the matched object", sync)
                        .isEqualTo(sync == io.retort.orm.SynchronizeSession.NONE ? 30 : 40 + sync.ordinal());
                assertThat(w.getFullname()).as("%s: an object the statement did not match", sync)
                        .isEqualTo(sync == io.retort.orm.SynchronizeSession.EXPIRE_TABLE ? "W-" + sync : "Wendy");
                s.commit();
            }
            try (ScenarioSession s = d.open()) {
                wendy.setFullname("Wendy");
                s.execute(update(UserTable.USERS).set(UserTable.USERS.FULLNAME, "Wendy").where(UserTable.USERS.ID.eq(wendy.getId())),
                        io.retort.orm.SynchronizeSession.NONE);
                s.execute(update(UserTable.USERS).set(UserTable.USERS.AGE, 30).where(UserTable.USERS.ID.eq(ed.getId())),
                        io.retort.orm.SynchronizeSession.NONE);
                s.commit();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void evaluateJudgesTheWhereInJavaWithoutAnExtraQueryAndRefusesWhatJavaCannotCompute(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        User wendy = new User("wendy", "Wendy", 25);
        User anon = new User("anon", null, null);
        saveAll(ed, wendy, anon);
        io.retort.orm.SynchronizeSession evaluate = io.retort.orm.SynchronizeSession.EVALUATE;
        UserTable users = UserTable.USERS;
        try (ScenarioSession s = d.open()) {
            List<User> all = s.scalars(select(users).orderBy(users.ID.asc()));
            User e = all.get(0);
            User w = all.get(1);
            User a = all.get(2);
            d.clearStatements();
            s.execute(update(users).set(users.AGE, users.AGE.plus(1)).set(users.FULLNAME, "older")
                    .where(users.AGE.ge(26).or(users.FULLNAME.ne("Wendy"))), evaluate);
            assertThat(selects()).as("no query to find the matched rows").isZero();
            assertThat(e.getAge()).as("matched: the SET computed in Java").isEqualTo(31);
            assertThat(e.getFullname()).isEqualTo("older");
            assertThat(w.getAge()).as("not matched").isEqualTo(25);
            assertThat(a.getAge()).as("NULL >= 26 and NULL <> 'Wendy' are unknown: not matched").isNull();
            assertThat(a.getFullname()).isNull();
            assertThat(s.isModified(e)).as("the new values are what the database holds").isFalse();

            s.execute(deleteFrom(users).where(users.NAME.in("wendy", "nobody")), evaluate);
            assertThat(s.contains(w)).as("deleted: out of the session").isFalse();
            assertThat(s.contains(e)).isTrue();

            long before = d.statements().size();
            assertThatThrownBy(() -> s.execute(update(users).set(users.AGE, 1).where(users.NAME.gt("a")), evaluate))
                    .isInstanceOf(io.retort.exception.InvalidStatementException.class)
                    .hasMessageContaining("collation").hasMessageContaining("SynchronizeSession.FETCH");
            assertThat(d.statements()).as("refused before anything ran").hasSize((int) before);
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.scalars(select(users).orderBy(users.ID.asc()))).extracting(u -> ((User) u).getName(),
                    u -> ((User) u).getAge(), u -> ((User) u).getFullname())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ed", 31, "older"),
                            org.assertj.core.groups.Tuple.tuple("anon", null, null));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void commitWithSavepointsOpenCommitsTheWholeTransaction(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.add(new User("a", "A", 1));
            ScenarioSession.Savepoint outer = s.beginNested();
            s.add(new User("b", "B", 2));
            ScenarioSession.Savepoint inner = s.beginNested();
            s.add(new User("c", "C", 3));
            s.commit();
            assertThat(outer.isActive()).isFalse();
            assertThat(inner.isActive()).isFalse();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.count(UserTable.USERS)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSavepointEndsWithTheSessionsTransaction(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.add(new User("a", "A", 1));
            ScenarioSession.Savepoint sp = s.beginNested();
            s.add(new User("b", "B", 2));
            s.rollback();
            assertThat(sp.isActive()).as("after the session's rollback").isFalse();
            ScenarioSession.Savepoint second = s.beginNested();
            s.add(new User("c", "C", 3));
            second.rollback();
            assertThat(second.isActive()).as("after its own rollback").isFalse();
            s.commit();
            assertThat(s.count(UserTable.USERS)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rowsOfTwoTablesThatReferToEachOtherAreInsertedAndDeleted(Dialect dialect) {
        OrmDriver d = start(dialect);
        Department sales = new Department("sales");
        Employee ann = new Employee("ann", sales);
        sales.setManager(ann);
        try (ScenarioSession s = d.open()) {
            s.add(sales);
            s.commit();
            assertThat(sales.getManagerId()).isEqualTo(ann.getId());
            assertThat(ann.getDepartmentId()).isEqualTo(sales.getId());
        }
        try (ScenarioSession s = d.open()) {
            Department loaded = s.get(DepartmentTable.DEPARTMENTS, sales.getId());
            assertThat(loaded.getManager().getName()).isEqualTo("ann");
            s.delete(loaded.getManager());
            s.delete(loaded);
            s.commit();   // the cycle is broken with an UPDATE to NULL before the DELETEs
            assertThat(s.count(DepartmentTable.DEPARTMENTS)).isZero();
            assertThat(s.count(EmployeeTable.EMPLOYEES)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rollbackForgetsACollectionReplacedByAssignment(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x");
        try (ScenarioSession s = d.open()) {
            s.add(jack);
            s.commit();
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            p.setAddresses(new ArrayList<>(List.of(new Address("new@x"))));
            s.rollback();
            Person again = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            assertThat(again).isSameAs(p);
            assertThat(again.getAddresses()).extracting(Address::getEmail).containsExactly("a@x");
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.<Address>scalars(select(ADDRESSES))).extracting(Address::getEmail).containsExactly("a@x");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void updatesOfOneShapeGoAsOneBatchAndStaleRowsAreStillCaught(Dialect dialect) {
        OrmDriver d = start(dialect);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account a = new Account();
            a.setOwner("o" + i);
            a.setBalance(100);
            accounts.add(a);
        }
        saveAll(accounts.toArray());
        try (ScenarioSession s = d.open()) {
            List<Account> loaded = s.scalars(select(ACCOUNTS).orderBy(ACCOUNTS.ID));
            loaded.forEach(a -> a.setBalance(a.getBalance() + 1));
            d.clearStatements();
            s.commit();
            assertThat(writes()).as("five UPDATEs of one shape, sent as one batch").hasSize(1);
        }
        try (ScenarioSession s = d.open()) {
            List<Account> loaded = s.scalars(select(ACCOUNTS).orderBy(ACCOUNTS.ID));
            assertThat(loaded).extracting(Account::getBalance).containsOnly(101);
            assertThat(loaded).extracting(Account::getVersion).containsOnly(2);
            d.execute(update(ACCOUNTS).set(ACCOUNTS.VERSION, 9).where(ACCOUNTS.ID.eq(loaded.get(3).getId())));
            loaded.forEach(a -> a.setBalance(0));
            assertThatThrownBy(s::commit).isInstanceOf(StaleObjectException.class).hasMessageContaining(
                    "Account[" + loaded.get(3).getId() + "]");
            s.rollback();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.<Account>scalars(select(ACCOUNTS))).as("nothing of the failed batch was kept")
                    .extracting(Account::getBalance).containsOnly(101);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeCarriesTheCollectionsThatWereLoaded(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(personWith("jack", "a@x", "b@x"));
        Person detached;
        try (ScenarioSession s = d.open()) {
            detached = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
        }
        detached.setName("jack2");
        detached.getAddresses().removeIf(a -> a.getEmail().equals("a@x"));
        detached.getAddresses().add(new Address("c@x"));
        try (ScenarioSession s = d.open()) {
            Person merged = s.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.getAddresses()).extracting(Address::getEmail).containsExactly("b@x", "c@x");
            assertThat(s.contains(detached)).isFalse();
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            assertThat(p.getName()).isEqualTo("jack2");
            assertThat(p.getAddresses()).extracting(Address::getEmail).containsExactlyInAnyOrder("b@x", "c@x");
            assertThat(s.count(ADDRESSES)).as("a@x left as an orphan").isEqualTo(2);
        }
    }
}
