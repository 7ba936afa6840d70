package io.retort.testing.orm;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the database must hold for the model-based property test: persons and their addresses, a tree of nodes,
 * posts and their keywords, each by its unique name. Mutable; {@link #copy()} takes a snapshot.
 */
final class OrmModel {
    final Map<String, Set<String>> persons = new TreeMap<>();
    final Map<String, String> nodes = new TreeMap<>();
    final Map<String, Set<String>> posts = new TreeMap<>();
    final Set<String> keywords = new TreeSet<>();

    OrmModel copy() {
        OrmModel m = new OrmModel();
        persons.forEach((k, v) -> m.persons.put(k, new TreeSet<>(v)));
        m.nodes.putAll(nodes);
        posts.forEach((k, v) -> m.posts.put(k, new TreeSet<>(v)));
        m.keywords.addAll(keywords);
        return m;
    }

    /** @return the person holding an address, or {@code null} */
    String ownerOf(String email) {
        for (Map.Entry<String, Set<String>> e : persons.entrySet()) {
            if (e.getValue().contains(email)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return whether {@code node} is {@code ancestor} or below it */
    boolean isWithin(String node, String ancestor) {
        for (String n = node; n != null; n = nodes.get(n)) {
            if (n.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "persons=" + persons + "\nnodes=" + nodes + "\nposts=" + posts + "\nkeywords=" + keywords;
    }
}
