package io.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an enum field in a native enum type ({@code CREATE TYPE mood AS ENUM (...)} on PostgreSQL, {@code ENUM}
 * on H2). Without it an enum field is stored by constant name in a text column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Enumerated {
    /** @return the name of the native enum type; empty to store the constant's name as text */
    String nativeType() default "";
}
