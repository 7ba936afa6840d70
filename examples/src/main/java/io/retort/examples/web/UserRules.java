package io.retort.examples.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits a user's fields must respect, checked before anything reaches the database so a bad value is a 400
 * naming the field, not a constraint violation. The column sizes of {@link UserTable} and {@link AddressTable} come
 * from here too.
 */
final class UserRules {
    static final int NAME_MAX = 50;
    static final int EMAIL_MAX = 100;
    static final int AGE_MIN = 0;
    static final int AGE_MAX = 150;
    static final int STREET_MAX = 100;
    static final int CITY_MAX = 50;
    static final int ADDRESSES_MAX = 10;
    /** Deliberately loose: one @, no spaces, a dot in the domain. Real checking is sending a mail. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserRules() {
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        if (value.isBlank()) {
            throw ApiException.invalid(field, "must not be blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters, got " + length);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiException.invalid(field, "must not contain control characters");
            }
        }
        return value;
    }

    static String email(String field, String value) {
        text(field, value, EMAIL_MAX);
        if (!EMAIL.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be an email address such as ada@example.com");
        }
        return value;
    }

    static int age(String field, Integer value) {
        return range(field, value, AGE_MIN, AGE_MAX);
    }

    static int range(String field, Integer value, int min, int max) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        if (value < min || value > max) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw ApiException.invalid(field, "must hold at most " + max + " entries, got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw ApiException.invalid(field + "[" + i + "]", "must not be null");
            }
        }
        return values;
    }
}
