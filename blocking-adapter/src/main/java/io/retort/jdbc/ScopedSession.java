package io.retort.jdbc;

import java.util.Objects;

/**
 * A registry that gives each thread its own session (SQLAlchemy's {@code scoped_session}): code deep in a call
 * stack asks for {@link #current()} instead of passing the session around. Call {@link #remove()} at the end of
 * the unit of work (a request, a job) to close the thread's session.
 */
public final class ScopedSession {
    private final SessionFactory factory;
    private final ThreadLocal<Session> sessions = new ThreadLocal<>();

    /** @param factory makes the sessions */
    public ScopedSession(SessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** @return this thread's session, opened on first use (and again after the last one was closed) */
    public Session current() {
        Session s = sessions.get();
        if (s == null || s.isClosed()) {
            s = factory.open();
            sessions.set(s);
        }
        return s;
    }

    /** Closes this thread's session, if any, and forgets it. */
    public void remove() {
        Session s = sessions.get();
        sessions.remove();
        if (s != null) {
            s.close();
        }
    }
}
