package io.retort.testing.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.retort.Sql.select;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.KeywordTable.KEYWORDS;
import static io.retort.testing.orm.NodeTable.NODES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.PostTable.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the model-based property test: a session, the objects it handed out (found again by name after a
 * commit or rollback), the model of what is pending in the session, and the model of what was committed. Each action
 * changes the objects as a program would and the pending model the same way; a commit checks the database against
 * the model from a fresh session.
 */
final class ModelRun {
    private final OrmDriver driver;
    private ScenarioSession session;
    private OrmModel pending = new OrmModel();
    private OrmModel committed = new OrmModel();
    private int counter;

    final Map<String, Person> persons = new TreeMap<>();
    final Map<String, Address> addresses = new TreeMap<>();
    final Map<String, Node> nodes = new TreeMap<>();
    final Map<String, Post> posts = new TreeMap<>();
    final Map<String, Keyword> keywords = new TreeMap<>();

    ModelRun(OrmDriver driver) {
        this.driver = driver;
        this.session = driver.open();
    }

    OrmModel model() {
        return pending;
    }

    String fresh(String prefix) {
        return prefix + (++counter);
    }

    void close() {
        session.close();
    }

    // ---- persons and addresses --------------------------------------------------------------

    void addPerson(int addressCount) {
        Person p = new Person(fresh("p"));
        Set<String> emails = new TreeSet<>();
        for (int i = 0; i < addressCount; i++) {
            Address a = new Address(fresh("a"));
            p.getAddresses().add(a);
            emails.add(a.getEmail());
            addresses.put(a.getEmail(), a);
        }
        session.add(p);
        persons.put(p.getName(), p);
        pending.persons.put(p.getName(), emails);
    }

    void addAddress(String person) {
        Address a = new Address(fresh("a"));
        persons.get(person).getAddresses().add(a);
        addresses.put(a.getEmail(), a);
        pending.persons.get(person).add(a.getEmail());
    }

    void moveAddress(String email, String to, boolean fromChildSide) {
        String from = pending.ownerOf(email);
        Address a = addresses.get(email);
        if (fromChildSide) {
            // the collections follow the child's side at the next flush; changing a child's two sides within one
            // flush would be two contradicting instructions (SQLAlchemy's backref events order them; plain objects
            // cannot), so, as the README advises, the collections' changes are flushed first
            session.flush();
            a.setPerson(persons.get(to));
            session.flush();
        } else {
            persons.get(from).getAddresses().remove(a);
            persons.get(to).getAddresses().add(a);
        }
        pending.persons.get(from).remove(email);
        pending.persons.get(to).add(email);
    }

    void removeAddress(String email) {
        String from = pending.ownerOf(email);
        persons.get(from).getAddresses().remove(addresses.remove(email));
        pending.persons.get(from).remove(email);
    }

    void replaceAddresses(String person, List<String> keep) {
        List<Address> list = new ArrayList<>();
        for (String e : keep) {
            list.add(addresses.get(e));
        }
        Address added = new Address(fresh("a"));
        list.add(added);
        addresses.put(added.getEmail(), added);
        for (String e : pending.persons.get(person)) {
            if (!keep.contains(e)) {
                addresses.remove(e);
            }
        }
        persons.get(person).setAddresses(list);
        Set<String> now = new TreeSet<>(keep);
        now.add(added.getEmail());
        pending.persons.put(person, now);
    }

    void deletePerson(String person) {
        session.delete(persons.remove(person));
        for (String e : pending.persons.remove(person)) {
            addresses.remove(e);
        }
    }

    void renamePerson(String person, boolean byMerge) {
        String name = fresh("p");
        Person p = persons.remove(person);
        if (byMerge && p.getId() != null) {   // a new object has no key to merge by
            Person copy = new Person(name);
            copy.setId(p.getId());
            assertThat(session.merge(copy)).isSameAs(p);
        } else {
            p.setName(name);
        }
        persons.put(name, p);
        pending.persons.put(name, pending.persons.remove(person));
    }

    // ---- a tree -------------------------------------------------------------------------------

    void addNode(String parent) {
        Node n = new Node(fresh("n"), parent == null ? null : nodes.get(parent));
        session.add(n);
        nodes.put(n.getName(), n);
        pending.nodes.put(n.getName(), parent);
    }

    void reparentNode(String node, String parent) {
        nodes.get(node).setParent(parent == null ? null : nodes.get(parent));
        pending.nodes.put(node, parent);
    }

    void deleteNode(String node) {
        session.delete(nodes.remove(node));
        pending.nodes.remove(node);
        pending.nodes.replaceAll((n, p) -> node.equals(p) ? null : p);   // the session leaves its children without one
    }

    // ---- many-to-many -----------------------------------------------------------------------

    void addPost(List<String> words, boolean newKeyword) {
        Post post = new Post(fresh("t"));
        Set<String> set = new TreeSet<>();
        for (String w : words) {
            post.getKeywords().add(keywords.get(w));
            set.add(w);
        }
        if (newKeyword) {
            Keyword k = new Keyword(fresh("k"));
            keywords.put(k.getWord(), k);
            post.getKeywords().add(k);
            set.add(k.getWord());
            pending.keywords.add(k.getWord());
        }
        session.add(post);
        posts.put(post.getTitle(), post);
        pending.posts.put(post.getTitle(), set);
    }

    void toggleKeyword(String post, String word) {
        Post p = posts.get(post);
        Keyword k = keywords.get(word);
        if (pending.posts.get(post).remove(word)) {
            p.getKeywords().remove(k);
        } else {
            p.getKeywords().add(k);
            pending.posts.get(post).add(word);
        }
    }

    void replaceKeywords(String post, List<String> words) {
        List<Keyword> list = new ArrayList<>();
        for (String w : words) {
            list.add(keywords.get(w));
        }
        posts.get(post).setKeywords(list);
        pending.posts.put(post, new TreeSet<>(words));
    }

    // ---- the session ------------------------------------------------------------------------

    void flush() {
        session.flush();
    }

    void commit() {
        session.commit();
        committed = pending.copy();
        assertThat(databaseContent()).as("the database after commit").hasToString(committed.toString());
        resolve();
    }

    void rollback() {
        session.rollback();
        pending = committed.copy();
        resolve();
    }

    void expireAll() {
        session.flush();
        session.expireAll();
        resolve();
    }

    void refresh(String person) {
        session.flush();
        session.refresh(persons.get(person));
        resolve();
    }

    void reopen() {
        session.close();
        pending = committed.copy();
        session = driver.open();
        resolve();
    }

    /** The objects this run holds are the ones the model names: what the session showed after a resolve agrees. */
    void checkHandles() {
        Set<String> emails = new TreeSet<>();
        pending.persons.values().forEach(emails::addAll);
        assertThat(addresses.keySet()).as("addresses held vs the model").isEqualTo(emails);
        assertThat(persons.keySet()).as("persons held vs the model").isEqualTo(pending.persons.keySet());
        assertThat(nodes.keySet()).as("nodes held vs the model").isEqualTo(pending.nodes.keySet());
        assertThat(posts.keySet()).as("posts held vs the model").isEqualTo(pending.posts.keySet());
    }

    /** Finds the objects again by name, as the session has them now, with their collections loaded. */
    void resolve() {
        persons.clear();
        addresses.clear();
        nodes.clear();
        posts.clear();
        keywords.clear();
        for (Person p : session.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin())) {
            persons.put(p.getName(), p);
            for (Address a : p.getAddresses()) {
                addresses.put(a.getEmail(), a);
            }
        }
        for (Node n : session.<Node>scalars(select(NODES))) {
            nodes.put(n.getName(), n);
        }
        for (Post p : session.<Post>scalars(select(POSTS), POSTS.KEYWORDS.selectin())) {
            posts.put(p.getTitle(), p);
        }
        for (Keyword k : session.<Keyword>scalars(select(KEYWORDS))) {
            keywords.put(k.getWord(), k);
        }
    }

    /** @return what the database holds, read by a session of its own */
    private OrmModel databaseContent() {
        OrmModel db = new OrmModel();
        try (ScenarioSession s = driver.open()) {
            for (Person p : s.<Person>scalars(select(PERSONS), PERSONS.ADDRESSES.selectin())) {
                Set<String> emails = new TreeSet<>();
                p.getAddresses().forEach(a -> emails.add(a.getEmail()));
                db.persons.put(p.getName(), emails);
            }
            long addressRows = s.count(ADDRESSES);
            long owned = db.persons.values().stream().mapToLong(Set::size).sum();
            assertThat(addressRows).as("addresses without a person (orphans left behind)").isEqualTo(owned);
            for (Node n : s.<Node>scalars(select(NODES))) {
                db.nodes.put(n.getName(), n.getParent() == null ? null : n.getParent().getName());
            }
            for (Post p : s.<Post>scalars(select(POSTS), POSTS.KEYWORDS.selectin())) {
                Set<String> words = new TreeSet<>();
                p.getKeywords().forEach(k -> words.add(k.getWord()));
                db.posts.put(p.getTitle(), words);
            }
            for (Keyword k : s.<Keyword>scalars(select(KEYWORDS))) {
                db.keywords.add(k.getWord());
            }
        }
        return db;
    }
}
