package io.retort.testkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which savepoints stand for the transactions the code under test began on a connection whose real transaction
 * belongs to the test: "begin" sets a savepoint, "commit" releases it, "rollback" rolls back to it. It says which
 * commands to send; the JDBC and R2DBC connections only send them, so both decide the same way.
 *
 * <p>Several logical connections may share the test's connection, so their savepoints can interleave. A commit of
 * a savepoint that is not the newest keeps it (releasing it would release the newer ones too) until the ones above
 * it end. A rollback of an older savepoint necessarily undoes what the newer ones did as well (one connection
 * cannot do otherwise); those are then lost, and their own commit or rollback does nothing.
 *
 * <p>Thread-safe.
 */
public final class SavepointStack {
    private final String prefix;
    /** Open savepoints, newest first. */
    private final Deque<Entry> open = new ArrayDeque<>();
    private final Set<String> lost = new HashSet<>();
    private int made;

    /** One savepoint and whether its transaction committed while a newer savepoint sat above it. */
    private static final class Entry {
        final String name;
        boolean committed;

        Entry(String name) {
            this.name = name;
        }
    }

    /**
     * @param prefix the start of every savepoint name, unlikely to clash with the application's own savepoints
     */
    public SavepointStack(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Begins a logical transaction.
     *
     * @return its savepoint's name; send {@link #setCommand(String)} for it
     */
    public synchronized String begin() {
        String name = prefix + (++made);
        open.push(new Entry(name));
        return name;
    }

    /**
     * @param savepoint a name from {@link #begin()}
     * @return the command that sets it
     */
    public static String setCommand(String savepoint) {
        return "SAVEPOINT " + savepoint;
    }

    /**
     * Commits a logical transaction.
     *
     * @param savepoint its savepoint
     * @return the commands to send, in order (none while newer savepoints are still open, or when it was lost)
     */
    public synchronized List<String> commit(String savepoint) {
        if (lost.remove(savepoint)) {
            return List.of();
        }
        Entry entry = find(savepoint);
        if (entry == null) {
            throw new IllegalStateException("No open test savepoint [" + savepoint + "]");
        }
        entry.committed = true;
        return releaseCommitted(new ArrayList<>());
    }

    /**
     * Rolls a logical transaction back.
     *
     * @param savepoint its savepoint
     * @return the commands to send, in order (none when it was lost)
     */
    public synchronized List<String> rollback(String savepoint) {
        if (lost.remove(savepoint)) {
            return List.of();
        }
        Entry entry = find(savepoint);
        if (entry == null) {
            throw new IllegalStateException("No open test savepoint [" + savepoint + "]");
        }
        while (open.peek() != entry) {
            // rolling back to an older savepoint destroys the newer ones with their work
            lost.add(open.pop().name);
        }
        open.pop();
        List<String> commands = new ArrayList<>();
        commands.add("ROLLBACK TO SAVEPOINT " + savepoint);
        commands.add("RELEASE SAVEPOINT " + savepoint);
        return releaseCommitted(commands);
    }

    /** @return how many savepoints are open, committed or not */
    public synchronized int depth() {
        return open.size();
    }

    private List<String> releaseCommitted(List<String> commands) {
        while (!open.isEmpty() && open.peek().committed) {
            commands.add("RELEASE SAVEPOINT " + open.pop().name);
        }
        return commands;
    }

    private Entry find(String savepoint) {
        for (Iterator<Entry> i = open.iterator(); i.hasNext(); ) {
            Entry e = i.next();
            if (e.name.equals(savepoint)) {
                return e;
            }
        }
        return null;
    }
}
