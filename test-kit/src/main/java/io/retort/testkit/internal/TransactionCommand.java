package io.retort.testkit.internal;

import java.util.Locale;

/**
 * What a line of SQL means for transactions, for engines that send transaction commands as SQL text (Retort's
 * PostgreSQL R2DBC profile does): inside the test's transaction they must become savepoints, not reach the server.
 */
enum TransactionCommand {
    /** {@code BEGIN ...} or {@code START TRANSACTION ...}. */
    BEGIN,
    /** {@code COMMIT} or {@code END}. */
    COMMIT,
    /** {@code ROLLBACK} or {@code ABORT}, but not {@code ROLLBACK TO SAVEPOINT}. */
    ROLLBACK,
    /** A setting of the next transaction (isolation level, read-only), which the test's transaction cannot take. */
    TRANSACTION_SETTING,
    /** Anything else, savepoint commands included. */
    NONE;

    /**
     * @param sql a statement's text
     * @return what it does to the transaction
     */
    static TransactionCommand of(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        if (s.equals("BEGIN") || s.startsWith("BEGIN ISOLATION") || s.startsWith("BEGIN READ") || s.startsWith("BEGIN TRANSACTION")
                || s.startsWith("BEGIN WORK") || s.startsWith("START TRANSACTION")) {
            return BEGIN;
        }
        if (s.equals("COMMIT") || s.equals("COMMIT WORK") || s.equals("COMMIT TRANSACTION") || s.equals("END")
                || s.equals("END WORK") || s.equals("END TRANSACTION")) {
            return COMMIT;
        }
        if (s.equals("ROLLBACK") || s.equals("ROLLBACK WORK") || s.equals("ROLLBACK TRANSACTION") || s.equals("ABORT")) {
            return ROLLBACK;
        }
        if (s.startsWith("SET SESSION CHARACTERISTICS AS TRANSACTION") || s.startsWith("SET TRANSACTION")) {
            return TRANSACTION_SETTING;
        }
        return NONE;
    }
}
