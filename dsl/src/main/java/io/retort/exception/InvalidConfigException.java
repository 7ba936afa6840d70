package io.retort.exception;

/**
 * An engine or pool option is out of its allowed range; the message names the option and the range.
 */
public class InvalidConfigException extends RetortException {
    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
