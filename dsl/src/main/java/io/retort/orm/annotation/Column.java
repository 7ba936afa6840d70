package io.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refines how a field of an {@link Entity} is mapped. Optional: a field without it is mapped to a nullable column
 * named after the field in snake_case ({@code fullName} is {@code full_name}), with the SQL type that its Java type
 * maps to.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Column {
    /** The {@link #length()} that maps a {@code String} to unbounded {@code TEXT} (and a {@code byte[]} to unbounded binary). */
    int UNLIMITED = -1;

    /** @return the column's name; empty for the field's name in snake_case */
    String name() default "";

    /**
     * @return for {@code String}: {@code VARCHAR(length)}, or {@code TEXT} when {@link #UNLIMITED}; for {@code byte[]},
     *         when given: a binary column of at most that many bytes (unbounded otherwise). Ignored for other types.
     */
    int length() default 255;

    /** @return for {@code BigDecimal}: the total number of digits of {@code DECIMAL(precision, scale)} */
    int precision() default 19;

    /** @return for {@code BigDecimal}: the digits after the decimal point of {@code DECIMAL(precision, scale)} */
    int scale() default 2;

    /** @return whether the column allows {@code NULL}; a primitive field is always {@code NOT NULL} */
    boolean nullable() default true;

    /** @return whether the column has a single-column {@code UNIQUE} constraint */
    boolean unique() default false;

    /** @return whether the column has a single-column index */
    boolean index() default false;
}
