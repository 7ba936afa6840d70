package io.retort.orm.internal;

import io.retort.orm.EntityTable;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects that were persistent in a session and left it (expunged, or their session closed), with the column values
 * last seen in the database, so that adding one to a session re-attaches it (written only if changed) instead of
 * inserting it again. Entities are plain objects without instrumentation, so this is where their detached state
 * lives. Held weakly: an object the program drops is forgotten. Shared by every session; thread-safe.
 */
final class DetachedObjects {
    /** What a session knew of an object when it left. */
    record Detached(EntityTable<?> table, Object[] snapshot) {
    }

    private static final class Entry extends WeakReference<Object> {
        final int hash;
        final Detached detached;

        Entry(Object entity, Detached detached, ReferenceQueue<Object> queue) {
            super(entity, queue);
            this.hash = System.identityHashCode(entity);
            this.detached = detached;
        }
    }

    private static final Map<Integer, List<Entry>> ENTRIES = new HashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

    private DetachedObjects() {
    }

    static synchronized void remember(Object entity, EntityTable<?> table, Object[] snapshot) {
        purge();
        List<Entry> bucket = ENTRIES.computeIfAbsent(System.identityHashCode(entity), h -> new ArrayList<>(1));
        bucket.removeIf(e -> e.get() == entity);
        bucket.add(new Entry(entity, new Detached(table, snapshot.clone()), COLLECTED));
    }

    /** @return what was known of the object when it left a session, removing it; {@code null} when it never did */
    static synchronized Detached take(Object entity) {
        purge();
        List<Entry> bucket = ENTRIES.get(System.identityHashCode(entity));
        if (bucket == null) {
            return null;
        }
        for (Entry e : bucket) {
            if (e.get() == entity) {
                bucket.remove(e);
                if (bucket.isEmpty()) {
                    ENTRIES.remove(e.hash);
                }
                return e.detached;
            }
        }
        return null;
    }

    static synchronized boolean contains(Object entity) {
        List<Entry> bucket = ENTRIES.get(System.identityHashCode(entity));
        if (bucket != null) {
            for (Entry e : bucket) {
                if (e.get() == entity) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void purge() {
        for (java.lang.ref.Reference<?> r; (r = COLLECTED.poll()) != null; ) {
            Entry gone = (Entry) r;
            List<Entry> bucket = ENTRIES.get(gone.hash);
            if (bucket != null) {
                bucket.remove(gone);
                if (bucket.isEmpty()) {
                    ENTRIES.remove(gone.hash);
                }
            }
        }
    }
}
