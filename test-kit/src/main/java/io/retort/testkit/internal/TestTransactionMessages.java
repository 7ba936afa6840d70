package io.retort.testkit.internal;

/** The words both shared-transaction connections use when the test's transaction cannot go on. */
final class TestTransactionMessages {
    private TestTransactionMessages() {
    }

    /**
     * @param command the transaction command that failed
     * @param cause   the driver's message
     * @return what failed and what to do
     */
    static String commandFailed(String command, String cause) {
        return "Cannot run [" + command + "] in the test's transaction: " + cause + ". If the test ran DDL on a database "
                + "that commits DDL at once (H2), the test's transaction ended there and its savepoints with it: create "
                + "tables through @RetortTest(tables = ...) or the extension's builder, or use TestIsolation.DELETE_ROWS";
    }
}
