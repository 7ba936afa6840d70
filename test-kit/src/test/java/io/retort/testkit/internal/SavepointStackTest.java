package io.retort.testkit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointStackTest {
    private final SavepointStack stack = new SavepointStack("sp_");

    @Test
    void oneTransactionAtATimeBecomesSetAndRelease() {
        String a = stack.begin();

        assertThat(SavepointStack.setCommand(a)).isEqualTo("SAVEPOINT sp_1");
        assertThat(stack.commit(a)).containsExactly("RELEASE SAVEPOINT sp_1");
        String b = stack.begin();
        assertThat(stack.rollback(b)).containsExactly("ROLLBACK TO SAVEPOINT sp_2", "RELEASE SAVEPOINT sp_2");
        assertThat(stack.depth()).isZero();
    }

    @Test
    void anOlderCommitWaitsForTheNewerSavepointsAboveIt() {
        String older = stack.begin();
        String newer = stack.begin();

        // releasing the older one now would release the newer one with it
        assertThat(stack.commit(older)).isEmpty();
        assertThat(stack.depth()).isEqualTo(2);
        assertThat(stack.commit(newer)).containsExactly("RELEASE SAVEPOINT sp_2", "RELEASE SAVEPOINT sp_1");
        assertThat(stack.depth()).isZero();
    }

    @Test
    void aNewerRollbackReleasesTheCommittedOnesBelowIt() {
        String older = stack.begin();
        String newer = stack.begin();
        stack.commit(older);

        assertThat(stack.rollback(newer)).containsExactly("ROLLBACK TO SAVEPOINT sp_2", "RELEASE SAVEPOINT sp_2",
                "RELEASE SAVEPOINT sp_1");
    }

    @Test
    void anOlderRollbackLosesTheNewerOnesWhoseEndsThenDoNothing() {
        String older = stack.begin();
        String newer = stack.begin();

        assertThat(stack.rollback(older)).containsExactly("ROLLBACK TO SAVEPOINT sp_1", "RELEASE SAVEPOINT sp_1");
        assertThat(stack.commit(newer)).isEmpty();
        assertThat(stack.depth()).isZero();
    }

    @Test
    void anUnknownSavepointIsRefused() {
        assertThatThrownBy(() -> stack.commit("sp_9")).isInstanceOf(IllegalStateException.class)
                .hasMessage("No open test savepoint [sp_9]");
    }
}
