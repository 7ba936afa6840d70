package io.retort.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions of a schema as a graph: each revision follows its parents; the history may branch and merge. Built
 * once and checked: a duplicate id, a missing parent or a cycle is a {@link MigrationException} naming the
 * revisions, never a crash later. Answers which revisions lie between two points, in the order to run them.
 */
public final class RevisionHistory {
    private final Map<String, Revision> byId = new LinkedHashMap<>();

    /**
     * @param revisions every revision of the schema, in any order
     * @throws MigrationException for a duplicate id, a missing parent or a cycle
     */
    public RevisionHistory(Collection<? extends Revision> revisions) {
        for (Revision r : revisions) {
            Revision other = byId.putIfAbsent(r.id(), r);
            if (other != null) {
                throw new MigrationException("Two revisions have the id " + r.id() + ": " + other.getClass().getName()
                        + " and " + r.getClass().getName() + ". Give one of them a new id.");
            }
        }
        for (Revision r : byId.values()) {
            for (String parent : r.parents()) {
                if (!byId.containsKey(parent)) {
                    throw new MigrationException("Revision " + r + " follows " + parent + ", which is not among the "
                            + "revisions found (" + byId.keySet() + "). Restore it, or point " + r.id() + " at an existing "
                            + "revision.");
                }
            }
        }
        topological();   // throws on a cycle
    }

    /** @return every revision, parents before children */
    public List<Revision> all() {
        return topological();
    }

    /**
     * @param id a revision's id, or a unique prefix of one
     * @return the revision
     * @throws MigrationException when no revision, or several, match
     */
    public Revision get(String id) {
        Revision exact = byId.get(id);
        if (exact != null) {
            return exact;
        }
        List<Revision> matches = byId.values().stream().filter(r -> r.id().startsWith(id)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new MigrationException(matches.isEmpty() ? "No revision " + id + " (known: " + byId.keySet() + ")"
                : "Revision prefix " + id + " matches " + matches.stream().map(Revision::id).toList() + "; give more of it");
    }

    /** @return the revisions no other revision follows */
    public List<Revision> heads() {
        Set<String> followed = new HashSet<>();
        for (Revision r : byId.values()) {
            followed.addAll(r.parents());
        }
        return topological().stream().filter(r -> !followed.contains(r.id())).toList();
    }

    /**
     * @return the single head
     * @throws MigrationException when the history has several heads (name them and the merge to write)
     */
    public Revision head() {
        List<Revision> heads = heads();
        if (heads.size() != 1) {
            throw new MigrationException(heads.isEmpty() ? "There are no revisions yet: write one with revision -m"
                    : "The history has " + heads.size() + " heads: " + heads + ". Upgrade to one of them by id, or merge "
                    + "them with a revision whose parents are " + heads.stream().map(Revision::id).toList()
                    + " (migrations merge " + String.join(" ", heads.stream().map(Revision::id).toList()) + ").");
        }
        return heads.get(0);
    }

    /**
     * @param id a revision
     * @return the revision and every revision it follows, directly or not
     */
    public Set<String> ancestorsOf(String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(get(id).id()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(byId.get(next).parents());
            }
        }
        return seen;
    }

    /**
     * @param applied the revisions applied (the version table's heads)
     * @param target  the revision to reach
     * @return the revisions to apply to reach it, parents first
     */
    public List<Revision> upgradePath(Collection<String> applied, String target) {
        Set<String> done = new HashSet<>();
        for (String a : applied) {
            done.addAll(ancestorsOf(a));
        }
        Set<String> wanted = ancestorsOf(target);
        return topological().stream().filter(r -> wanted.contains(r.id()) && !done.contains(r.id())).toList();
    }

    /**
     * @param applied the revisions applied
     * @param target  the revision to go back to, or {@code null} for none (base)
     * @return the revisions to undo, children first
     */
    public List<Revision> downgradePath(Collection<String> applied, String target) {
        Set<String> done = new HashSet<>();
        for (String a : applied) {
            done.addAll(ancestorsOf(a));
        }
        Set<String> keep = target == null ? Set.of() : ancestorsOf(target);
        List<Revision> out = new ArrayList<>(topological().stream()
                .filter(r -> done.contains(r.id()) && !keep.contains(r.id())).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Revision> topological() {
        List<Revision> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, placed, visiting, out, new ArrayDeque<>());
        }
        return out;
    }

    private void visit(String id, Set<String> placed, Set<String> visiting, List<Revision> out, Deque<String> path) {
        if (placed.contains(id)) {
            return;
        }
        path.push(id);
        if (!visiting.add(id)) {
            List<String> cycle = new ArrayList<>(path);
            java.util.Collections.reverse(cycle);
            throw new MigrationException("The revisions form a cycle: " + String.join(" -> ", cycle)
                    + ". A revision cannot follow one of its own descendants; fix their parents.");
        }
        for (String parent : byId.get(id).parents()) {
            visit(parent, placed, visiting, out, path);
        }
        visiting.remove(id);
        path.pop();
        placed.add(id);
        out.add(byId.get(id));
    }
}
