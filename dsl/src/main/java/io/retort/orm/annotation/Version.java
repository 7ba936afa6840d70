package io.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the optimistic-locking version field of an {@link Entity}, an {@code Integer}: set to 1 on insert,
 * incremented by every update and checked by updates and deletes, so a concurrent change fails the flush
 * instead of being overwritten. {@link Column#name()} may rename its column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Version {
}
