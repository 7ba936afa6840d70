package io.retort.exception;

import org.jspecify.annotations.Nullable;
import java.util.List;

/** A constraint was violated (SQLSTATE class 23): unique, foreign key, check or not-null. */
public class IntegrityViolationException extends StatementException {
    private final String constraintName;

    /**
     * @param message        the driver's message
     * @param sql            the SQL
     * @param parameters     descriptions of the bound values
     * @param sqlState       the SQLSTATE
     * @param constraintName the violated constraint, or {@code null} when the driver does not say
     * @param cause          the driver's exception
     */
    public IntegrityViolationException(String message, String sql, List<String> parameters, String sqlState,
                                       @Nullable String constraintName, Throwable cause) {
        super(message, sql, parameters, sqlState, cause);
        this.constraintName = constraintName;
    }

    /** @return the violated constraint's name, or {@code null} */
    public @Nullable String constraintName() {
        return constraintName;
    }
}
