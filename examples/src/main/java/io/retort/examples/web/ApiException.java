package io.retort.examples.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the JSON error body to answer with
 * ({@code {"error": "...", "detail": ...}}). Thrown by input checks; expected, so it carries no stack trace.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Object detail;

    ApiException(int status, String error, Object detail) {
        super(error + ": " + detail, null, false, false);
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    /**
     * @param field  the JSON field or parameter, as a path ({@code addresses[1].city})
     * @param reason what is wrong with it, with the allowed range
     * @return a 400 naming the field
     */
    static ApiException invalid(String field, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("field", field);
        detail.put("reason", reason);
        return new ApiException(400, "invalid_value", detail);
    }

    /**
     * @param id the user asked for
     * @return a 404 naming the user
     */
    static ApiException noSuchUser(long id) {
        return new ApiException(404, "not_found", "no user with id " + id);
    }

    int status() {
        return status;
    }

    ErrorBody body() {
        return new ErrorBody(error, detail);
    }
}
