package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.IdentityConflictException;
import io.retort.exception.InvalidStatementException;
import io.retort.orm.EntityStatus;
import io.retort.orm.SynchronizeSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.DepartmentTable.DEPARTMENTS;
import static io.retort.testing.orm.EmployeeTable.EMPLOYEES;
import static io.retort.testing.orm.KeywordTable.KEYWORDS;
import static io.retort.testing.orm.NodeTable.NODES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.PostKeywords.POST_KEYWORDS;
import static io.retort.testing.orm.PostTable.POSTS;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session's API as SQLAlchemy users reach for it: object states through their life, expiry of one object,
 * savepoints, un-deleting, identity conflicts, one-to-one and many-to-many edits from either side, trees, bulk
 * statements on association tables, merge of new objects, and the errors that name their fix.
 */
public abstract class SessionApiScenarios extends ScenarioSupport {

    @ParameterizedTest
    @MethodSource("dialects")
    void anObjectGoesThroughEveryState(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        try (ScenarioSession s = d.open()) {
            assertThat(s.state(ed)).isEqualTo(EntityStatus.TRANSIENT);
            s.add(ed);
            assertThat(s.state(ed)).isEqualTo(EntityStatus.PENDING);
            s.flush();
            assertThat(s.state(ed)).isEqualTo(EntityStatus.PERSISTENT);
            s.delete(ed);
            assertThat(s.state(ed)).isEqualTo(EntityStatus.DELETED);
            s.flush();
            assertThat(s.contains(ed)).isFalse();
            s.rollback();
            assertThat(s.state(ed)).as("added and deleted since the commit: never stored").isEqualTo(EntityStatus.TRANSIENT);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void expiringChosenAttributesReloadsThoseAndKeepsTheProgramsOtherChanges(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(new User("ed", "Ed", 30));
        Person jack = personWith("jack", "a@x");
        saveAll(jack);
        try (ScenarioSession s = d.open()) {
            User ed = s.<User>scalars(select(USERS)).get(0);
            ed.setFullname("Edward");
            ed.setAge(31);
            d.execute(update(USERS).set(USERS.AGE, 99).set(USERS.FULLNAME, "E. from elsewhere").all());
            s.expire(ed, USERS.AGE);
            assertThat(s.<User>scalars(select(USERS)).get(0)).isSameAs(ed);
            assertThat(ed.getAge()).as("expired: the row's value").isEqualTo(99);
            assertThat(ed.getFullname()).as("not expired: the program's change stays (the query's autoflush wrote it)")
                    .isEqualTo("Edward");

            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            assertThat(p.getAddresses()).hasSize(1);
            d.execute(io.retort.Sql.insertInto(ADDRESSES).set(ADDRESSES.EMAIL, "b@x").set(ADDRESSES.PERSON_ID, p.getId()));
            d.clearStatements();
            s.expire(p, PERSONS.ADDRESSES);
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).as("the collection loads again").hasSize(2);
            assertThat(selects()).as("only the collection: the person itself was not expired").isEqualTo(1);

            assertThatThrownBy(() -> s.expire(ed, USERS.ID)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key");
            assertThatThrownBy(() -> s.expire(ed, PERSONS.NAME)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("orm_users");
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            User ed = s.<User>scalars(select(USERS)).get(0);
            assertThat(ed.getFullname()).isEqualTo("Edward");
            assertThat(ed.getAge()).isEqualTo(99);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void noAutoflushKeepsPendingChangesOutOfTheQueriesItRuns(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            s.add(new User("ed", "Ed", 30));
            List<User> inside = s.noAutoflush(() -> s.<User>scalars(select(USERS)));
            assertThat(inside).as("the pending user was not flushed for the query").isEmpty();
            assertThat(s.<User>scalars(select(USERS))).as("autoflush again after the scope").hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void expiringOneObjectReloadsItAtTheNextAccessAndNoOther(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(new User("ed", "Ed", 30), new User("wendy", "Wendy", 25));
        try (ScenarioSession s = d.open()) {
            List<User> users = s.scalars(select(USERS).orderBy(USERS.NAME));
            d.execute(update(USERS).set(USERS.AGE, 99).all());
            s.expire(users.get(0));
            s.scalars(select(USERS));
            assertThat(users.get(0).getAge()).as("expired: reloaded").isEqualTo(99);
            assertThat(users.get(1).getAge()).as("not expired: the session's values").isEqualTo(25);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingThenAddingBackBeforeTheFlushKeepsTheRow(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        saveAll(ed);
        try (ScenarioSession s = d.open()) {
            User u = s.get(USERS, ed.getId());
            s.delete(u);
            assertThat(s.deletedObjects()).containsExactly(u);
            s.add(u);
            assertThat(s.deletedObjects()).isEmpty();
            d.clearStatements();
            s.commit();
            assertThat(writes()).isEmpty();
            assertThat(s.count(USERS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aDeletedObjectIsGoneForGetBeforeTheFlush(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        saveAll(ed);
        try (ScenarioSession s = d.open()) {
            s.delete(s.get(USERS, ed.getId()));
            assertThat(s.get(USERS, ed.getId())).as("get flushes first: the row is gone").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void addingASecondObjectForAKeyTheSessionHoldsIsRefused(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        saveAll(ed);
        try (ScenarioSession s = d.open()) {
            s.get(USERS, ed.getId());
            User copy = new User("ed", "Edward", 31);
            copy.setId(ed.getId());
            assertThatThrownBy(() -> s.add(copy)).isInstanceOf(IdentityConflictException.class).hasMessageContaining("merge");
            User merged = s.merge(copy);
            assertThat(merged.getFullname()).isEqualTo("Edward");
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(USERS, ed.getId()).getFullname()).isEqualTo("Edward");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aPendingObjectDeletedBeforeTheFlushIsNeverWritten(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            User ed = new User("ed", "Ed", 30);
            s.add(ed);
            s.delete(ed);
            d.clearStatements();
            s.commit();
            assertThat(writes()).isEmpty();
            assertThat(s.state(ed)).isEqualTo(EntityStatus.TRANSIENT);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rollingBackToASavepointBringsBackWhatWasDeletedAfterIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        User ed = new User("ed", "Ed", 30);
        saveAll(ed);
        try (ScenarioSession s = d.open()) {
            User u = s.get(USERS, ed.getId());
            ScenarioSession.Savepoint sp = s.beginNested();
            s.delete(u);
            User wendy = new User("wendy", "Wendy", 25);
            s.add(wendy);
            s.flush();
            sp.rollback();
            assertThat(s.contains(u)).isTrue();
            assertThat(s.contains(wendy)).isFalse();
            assertThat(wendy.getId()).as("its generated key is cleared").isNull();
            s.commit();
            assertThat(s.count(USERS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aReleasedSavepointKeepsItsWork(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            ScenarioSession.Savepoint sp = s.beginNested();
            s.add(new User("ed", "Ed", 30));
            sp.commit();
            assertThat(sp.isActive()).isFalse();
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.count(USERS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void replacingAOneToOneWhoseKeyIsNotNullNamesTheFix(Dialect dialect) {
        OrmDriver d = start(dialect);
        Post post = new Post("p");
        post.setDetail(new PostDetail("first"));
        saveAll(post);
        try (ScenarioSession s = d.open()) {
            Post p = s.get(POSTS, post.getId());
            PostDetail old = p.getDetail();
            p.setDetail(new PostDetail("second"));
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("DELETE_ORPHAN").hasMessageContaining("NOT NULL");
            s.rollback();
            p = s.get(POSTS, post.getId());
            s.delete(p.getDetail());
            s.flush();   // the old one goes first: post_id is unique
            p.setDetail(new PostDetail("second"));
            s.commit();
            assertThat(old.getBody()).isEqualTo("first");
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(POSTS, post.getId()).getDetail().getBody()).isEqualTo("second");
            assertThat(s.count(PostDetailTable.DETAILS)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aManyToManyRowRemovedFromTheOtherSideIsDeleted(Dialect dialect) {
        OrmDriver d = start(dialect);
        Keyword k = new Keyword("k");
        Post post = new Post("p");
        post.getKeywords().add(k);
        saveAll(post);
        try (ScenarioSession s = d.open()) {
            Keyword loaded = s.<Keyword>scalars(select(KEYWORDS), KEYWORDS.POSTS.selectin()).get(0);
            loaded.getPosts().clear();
            s.commit();
            assertThat(s.count(POST_KEYWORDS)).isZero();
            assertThat(s.count(POSTS)).as("only the association row goes").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingAKeywordTakesItsAssociationRowsWithIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        Keyword k = new Keyword("k");
        Post p1 = new Post("p1");
        Post p2 = new Post("p2");
        p1.getKeywords().add(k);
        p2.getKeywords().add(k);
        saveAll(p1, p2);
        try (ScenarioSession s = d.open()) {
            s.delete(s.get(KEYWORDS, k.getId()));
            s.commit();
            assertThat(s.count(POST_KEYWORDS)).isZero();
            assertThat(s.count(KEYWORDS)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSubtreeMovesWithItsRoot(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node a = new Node("a", null);
        Node b = new Node("b", null);
        Node child = new Node("child", a);
        Node grandchild = new Node("grandchild", child);
        saveAll(a, b, grandchild);
        try (ScenarioSession s = d.open()) {
            s.get(NODES, child.getId()).setParent(s.get(NODES, b.getId()));
            d.clearStatements();
            s.commit();
            assertThat(writes()).as("one row changes").hasSize(1);
        }
        try (ScenarioSession s = d.open()) {
            Node g = s.get(NODES, grandchild.getId());
            assertThat(g.getParent().getParent().getName()).isEqualTo("b");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingAMiddleNodeLeavesItsChildrenAtTheTop(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node middle = new Node("middle", root);
        Node leaf = new Node("leaf", middle);
        saveAll(leaf);
        try (ScenarioSession s = d.open()) {
            s.delete(s.get(NODES, middle.getId()));   // the leaf is not loaded: one UPDATE leaves it without a parent
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(NODES, leaf.getId()).getParentId()).isNull();
            assertThat(s.count(NODES)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aChildTakenOutOfACollectionWithoutDeleteOrphanKeepsItsRowWithoutAParent(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node child = new Node("child", root);
        saveAll(child);
        try (ScenarioSession s = d.open()) {
            Node r = s.get(NODES, root.getId());
            List<Node> children = s.fetch(r, NODES.CHILDREN);
            children.remove(0);
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(NODES, child.getId()).getParentId()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingAParentWhoseChildrenCannotBeLeftAloneNamesTheFix(Dialect dialect) {
        OrmDriver d = start(dialect);
        Department sales = new Department("sales");
        Employee ann = new Employee("ann", sales);
        saveAll(ann);
        try (ScenarioSession s = d.open()) {
            s.delete(s.get(DEPARTMENTS, sales.getId()));   // ann is not loaded
            assertThatThrownBy(s::commit).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("Cascade.DELETE").hasMessageContaining("NOT NULL");
            s.rollback();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.count(DEPARTMENTS)).as("nothing was deleted").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBulkDeleteOfAssociationRowsExpiresTheCollectionsItStores(Dialect dialect) {
        OrmDriver d = start(dialect);
        Post post = new Post("p");
        post.getKeywords().add(new Keyword("k"));
        saveAll(post);
        try (ScenarioSession s = d.open()) {
            Post p = s.<Post>scalars(select(POSTS), POSTS.KEYWORDS.selectin()).get(0);
            assertThat(p.getKeywords()).hasSize(1);
            s.execute(deleteFrom(POST_KEYWORDS).all(), SynchronizeSession.FETCH);
            assertThat(s.fetch(p, POSTS.KEYWORDS)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeOfAnObjectWithoutAKeyAddsIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            Person fresh = personWith("new", "n@x");
            Person merged = s.merge(fresh);
            assertThat(merged).isNotSameAs(fresh);
            assertThat(s.state(merged)).isEqualTo(EntityStatus.PENDING);
            s.commit();
            assertThat(s.count(ADDRESSES)).as("its addresses merged too").isEqualTo(1);
            assertThat(fresh.getId()).as("the given object stays outside").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeOfAChildBringsItsParent(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack");
        saveAll(jack);
        Address detached = new Address("a@x");
        Person parentCopy = new Person("jack");
        parentCopy.setId(jack.getId());
        detached.setPerson(parentCopy);
        try (ScenarioSession s = d.open()) {
            Address merged = s.merge(detached);
            assertThat(merged.getPerson()).isSameAs(s.get(PERSONS, jack.getId()));
            s.commit();
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.<Address>scalars(select(ADDRESSES)).get(0).getPersonId()).isEqualTo(jack.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void insertsAreChunkedAndKeysMatchedAcrossChunks(Dialect dialect) {
        OrmDriver d = start(dialect);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            users.add(new User("u" + i, null, i));
        }
        d.clearStatements();
        saveAll(users.toArray());
        assertThat(writes()).as("500 rows per INSERT").hasSize(3);
        try (ScenarioSession s = d.open()) {
            for (int i : new int[]{0, 499, 500, 1_200}) {
                assertThat(s.get(USERS, users.get(i).getId()).getName()).isEqualTo("u" + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void expungingAllLeavesObjectsDetachedAndTheirLazyCollectionsRefuse(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(personWith("jack", "a@x"));
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS)).get(0);
            s.expungeAll();
            assertThat(s.state(p)).isEqualTo(EntityStatus.DETACHED);
            assertThatThrownBy(() -> s.fetch(p, PERSONS.ADDRESSES)).isInstanceOf(DetachedEntityException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void isModifiedSeesACollectionChange(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(personWith("jack", "a@x"));
        try (ScenarioSession s = d.open()) {
            Person p = s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin()).get(0);
            assertThat(s.isModified(p)).isFalse();
            p.getAddresses().remove(0);
            assertThat(s.isModified(p)).isTrue();
            assertThat(s.dirtyObjects()).contains(p);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aClosedSessionRefusesEveryOperationTheSameWay(Dialect dialect) {
        OrmDriver d = start(dialect);
        Person jack = personWith("jack", "a@x");
        saveAll(jack);
        ScenarioSession s = d.open();
        Person p = s.get(PERSONS, jack.getId());
        s.close();
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> s.get(PERSONS, jack.getId()), () -> s.add(new User("x", "X", 1)), s::flush, s::commit,
                () -> s.fetch(p, PERSONS.ADDRESSES), () -> s.refresh(p), () -> s.merge(p), () -> s.scalars(select(USERS)))) {
            assertThatThrownBy(call).isInstanceOf(io.retort.exception.SessionClosedException.class)
                    .hasMessageContaining("open a new one");
        }
        assertThat(s.contains(p)).isFalse();
        s.close();   // closing twice is harmless
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRelationshipAddedToANewObjectBeforeAddIsSavedWithIt(Dialect dialect) {
        OrmDriver d = start(dialect);
        try (ScenarioSession s = d.open()) {
            Person p = new Person("jack");
            Address a = new Address("a@x");
            p.getAddresses().add(a);
            s.add(p);
            assertThat(s.newObjects()).as("save-update cascade at add").containsExactly(p, a);
            s.commit();
            assertThat(a.getPersonId()).isEqualTo(p.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCollectionLoadsInItsRelationshipsOrderHoweverItLoads(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        saveAll(new Node("b", root), new Node("a", root), new Node("c", root));
        try (ScenarioSession s = d.open()) {
            Node r = s.get(NODES, root.getId());
            assertThat(s.fetch(r, NODES.CHILDREN)).extracting(Node::getName).containsExactly("c", "b", "a");
        }
        try (ScenarioSession s = d.open()) {
            Node r = s.<Node>scalars(select(NODES).where(NODES.NAME.eq("root")), NODES.CHILDREN.selectin()).get(0);
            assertThat(r.getChildren()).extracting(Node::getName).containsExactly("c", "b", "a");
        }
        try (ScenarioSession s = d.open()) {
            Node r = s.<Node>scalars(select(NODES).where(NODES.NAME.eq("root")), NODES.CHILDREN.joined()).get(0);
            assertThat(r.getChildren()).extracting(Node::getName).containsExactly("c", "b", "a");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void parentsLoadInTheSameStatementWithJoined(Dialect dialect) {
        OrmDriver d = start(dialect);
        saveAll(personWith("jack", "a@x", "b@x"), personWith("wendy", "w@x"));
        try (ScenarioSession s = d.open()) {
            d.clearStatements();
            List<Address> all = s.scalars(select(ADDRESSES).orderBy(ADDRESSES.EMAIL).limit(10), ADDRESSES.PERSON.joined());
            assertThat(all).extracting(a -> a.getPerson().getName()).containsExactly("jack", "jack", "wendy");
            assertThat(selects()).as("one statement, even with LIMIT").isEqualTo(1);
            assertThat(all.get(0).getPerson()).isSameAs(all.get(1).getPerson());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void objectsAJoinBroughtAreManagedLikeAnyLoadedObject(Dialect dialect) {
        OrmDriver d = start(dialect);
        Node root = new Node("root", null);
        Node child = new Node("child", root);
        Node grandchild = new Node("grandchild", child);
        saveAll(grandchild);
        try (ScenarioSession s = d.open()) {
            Node r = s.<Node>scalars(select(NODES).where(NODES.NAME.eq("root")), NODES.CHILDREN.joined()).get(0);
            Node c = r.getChildren().get(0);
            c.setName("renamed");
            s.commit();   // the child's own children were never loaded: they are left alone
        }
        try (ScenarioSession s = d.open()) {
            assertThat(s.get(NODES, grandchild.getId()).getParentId()).isEqualTo(child.getId());
            assertThat(s.get(NODES, child.getId()).getName()).isEqualTo("renamed");
        }
    }
}
