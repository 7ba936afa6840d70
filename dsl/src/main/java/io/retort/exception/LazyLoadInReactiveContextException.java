package io.retort.exception;

/**
 * An unloaded relationship was touched on an object of a reactive session, which never loads lazily (that would
 * block). The message names the loader option and {@code session.fetch} as the remedies.
 */
public class LazyLoadInReactiveContextException extends SessionStateException {
    public LazyLoadInReactiveContextException(String message) {
        super(message);
    }
}
