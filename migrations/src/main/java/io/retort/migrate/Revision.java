package io.retort.migrate;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step of a schema's history, written in Java (Alembic's revision script): an id, the revision(s) it follows, a
 * message, and an upgrade and a downgrade written with {@link Operations}. Subclass it with a public no-argument
 * constructor; {@code revision --autogenerate} writes one for you.
 *
 * <pre>{@code
 * public final class R3f2a9c1b7e4d extends Revision {
 *     public R3f2a9c1b7e4d() { super("3f2a9c1b7e4d", "add email", "0a1b2c3d4e5f"); }
 *     public void upgrade(Operations op) { op.addColumn("users", column("email", "VARCHAR(200)")); }
 *     public void downgrade(Operations op) { op.dropColumn("users", "email"); }
 * }
 * }</pre>
 */
public abstract class Revision {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

    private final String id;
    private final String message;
    private final List<String> parents;

    /**
     * @param id      its id (letters, digits, underscores; at most 32)
     * @param message what it does
     * @param parents the revisions it follows: none for the first, two or more for a merge
     */
    protected Revision(String id, String message, String... parents) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new MigrationException("Revision id [" + id + "] of " + getClass().getName() + " must be 1 to 32 "
                    + "letters, digits or underscores");
        }
        this.id = id;
        this.message = Objects.requireNonNull(message, "message");
        this.parents = List.of(parents);
    }

    /** @return its id */
    public final String id() {
        return id;
    }

    /** @return what it does */
    public final String message() {
        return message;
    }

    /** @return the ids of the revisions it follows; empty for the first */
    public final List<String> parents() {
        return parents;
    }

    /** @param op where to record the steps that apply it */
    public abstract void upgrade(Operations op);

    /** @param op where to record the steps that undo it */
    public abstract void downgrade(Operations op);

    /**
     * The schema as the application declared it when autogenerate wrote this revision, for autogenerate and
     * {@code check} without a database ({@code --offline}). Generated revisions override it; a hand-written one has
     * none, and offline comparison then starts from the nearest revision before it that has one.
     *
     * @return the declared schema after this revision, or {@code null}
     */
    public io.retort.schema.model.@org.jspecify.annotations.Nullable SchemaModel snapshot() {
        return null;
    }

    @Override
    public String toString() {
        return id + " (" + message + ")";
    }
}
