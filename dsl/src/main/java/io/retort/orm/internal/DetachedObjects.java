package io.retort.orm.internal;

import io.retort.orm.EntityStatus;
import io.retort.orm.EntityTable;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;

/**
 * Objects that were persistent in a session and left it (expunged, or their session closed), with the column values
 * last seen in the database, so that adding one to a session re-attaches it (written only if changed) instead of
 * inserting it again. Entities are plain objects without instrumentation, so this is where their detached state
 * lives. Held weakly: an object the program drops is forgotten. Shared by every session; thread-safe.
 *
 * <p>Every object a session loaded passes through here when the session closes, so the table is built for that:
 * one entry object per remembered object (no boxed keys, lists or copies), and one lock taken per closing session.
 */
final class DetachedObjects {
    /** What a session knew of an object when it left. */
    record Detached(EntityTable<?> table, Object[] snapshot) {
    }

    private static final class Entry extends WeakReference<Object> {
        final int hash;
        final EntityTable<?> table;
        final Object[] snapshot;
        Entry next;

        Entry(Object entity, int hash, EntityTable<?> table, Object[] snapshot, ReferenceQueue<Object> queue) {
            super(entity, queue);
            this.hash = hash;
            this.table = table;
            this.snapshot = snapshot;
        }
    }

    private static final Object LOCK = new Object();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static Entry[] buckets = new Entry[1 << 10];
    private static int size;
    /** Read without the lock, so that a session that meets no detached object never waits for one. */
    private static volatile boolean empty = true;

    private DetachedObjects() {
    }

    /**
     * Remembers the persistent objects of a session that forgets them all.
     *
     * @param states the session's states; they are dropped by the caller, so their snapshots are kept, not copied
     */
    static void rememberAll(Collection<EntityState> states) {
        synchronized (LOCK) {
            purge();
            for (EntityState s : states) {
                if (s.snapshot != null && s.status != EntityStatus.PENDING) {
                    put(s.entity, s.table, s.snapshot);
                }
            }
        }
    }

    static void remember(Object entity, EntityTable<?> table, Object[] snapshot) {
        synchronized (LOCK) {
            purge();
            put(entity, table, snapshot.clone());
        }
    }

    /** @return what was known of the object when it left a session, removing it; {@code null} when it never did */
    static Detached take(Object entity) {
        if (empty) {
            return null;
        }
        synchronized (LOCK) {
            purge();
            Entry e = unlink(entity);
            return e == null ? null : new Detached(e.table, e.snapshot);
        }
    }

    static boolean contains(Object entity) {
        if (empty) {
            return false;
        }
        synchronized (LOCK) {
            int hash = System.identityHashCode(entity);
            for (Entry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.next) {
                if (e.hash == hash && e.get() == entity) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void put(Object entity, EntityTable<?> table, Object[] snapshot) {
        unlink(entity);
        if (size >= buckets.length - (buckets.length >> 2)) {
            grow();
        }
        int hash = System.identityHashCode(entity);
        int at = hash & (buckets.length - 1);
        Entry e = new Entry(entity, hash, table, snapshot, COLLECTED);
        e.next = buckets[at];
        buckets[at] = e;
        size++;
        empty = false;
    }

    private static Entry unlink(Object entity) {
        int hash = System.identityHashCode(entity);
        int at = hash & (buckets.length - 1);
        Entry previous = null;
        for (Entry e = buckets[at]; e != null; previous = e, e = e.next) {
            if (e.hash == hash && e.get() == entity) {
                remove(at, previous, e);
                return e;
            }
        }
        return null;
    }

    private static void remove(int at, Entry previous, Entry e) {
        if (previous == null) {
            buckets[at] = e.next;
        } else {
            previous.next = e.next;
        }
        e.next = null;
        size--;
        empty = size == 0;
    }

    private static void grow() {
        Entry[] old = buckets;
        Entry[] grown = new Entry[old.length << 1];
        for (Entry head : old) {
            for (Entry e = head; e != null; ) {
                Entry next = e.next;
                int at = e.hash & (grown.length - 1);
                e.next = grown[at];
                grown[at] = e;
                e = next;
            }
        }
        buckets = grown;
    }

    /** Drops the entries of objects the program no longer holds. */
    private static void purge() {
        for (java.lang.ref.Reference<?> r; (r = COLLECTED.poll()) != null; ) {
            Entry gone = (Entry) r;
            int at = gone.hash & (buckets.length - 1);
            Entry previous = null;
            for (Entry e = buckets[at]; e != null; previous = e, e = e.next) {
                if (e == gone) {
                    remove(at, previous, e);
                    break;
                }
            }
        }
    }
}
