package io.retort.badinput;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Asserts that bad input is rejected with the right exception type and a message that says what to fix,
 * and (plan item 35) that no message in the cause chain reveals a bound value.
 */
final class Rejections {
    /** A value that looks like a credential; no error message may ever contain it. */
    static final String SECRET = "pw=Hunter2-s3cr3t-7f9c";

    private Rejections() {
    }

    /**
     * @param call      the bad call
     * @param type      the exception type expected
     * @param fragments what the message must contain (what failed and what to do)
     * @param <E>       the exception type
     * @return the exception, for further checks
     */
    static <E extends Throwable> E assertRejected(ThrowingCallable call, Class<E> type, String... fragments) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the bad input must be rejected").isInstanceOf(type);
        String message = thrown.getMessage();
        assertThat(message).as("message of %s", type.getSimpleName()).isNotBlank();
        for (String fragment : fragments) {
            assertThat(message).as("message of %s", type.getSimpleName()).contains(fragment);
        }
        assertNoSecret(thrown);
        return type.cast(thrown);
    }

    /** @param thrown an exception whose whole cause chain must not reveal {@link #SECRET} */
    static void assertNoSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s must not reveal the bound value", t.getClass())
                    .doesNotContain(SECRET).doesNotContain("Hunter2");
            assertThat(t.toString()).doesNotContain(SECRET);
        }
    }
}
