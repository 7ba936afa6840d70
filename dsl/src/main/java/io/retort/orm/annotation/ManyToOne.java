package io.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field holding the parent {@link Entity} of this one ({@code Address.user}), stored through a foreign-key
 * column of this entity's table.
 *
 * <p>The foreign key is an ordinary mapped field of the same entity, typed like the parent's {@link Id}
 * ({@code private Long userId;} with its getter and setter): the session keeps the key there to load the parent
 * later. The processor adds {@code REFERENCES parent (id)} to that column.
 *
 * <pre>{@code
 * @Entity(table = "addresses")
 * public class Address {
 *     @Id private Long id;
 *     private Long userId;
 *     @ManyToOne(foreignKey = "user_id") private User user;
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ManyToOne {
    /** @return the foreign-key column's name; empty for the field's name in snake_case plus {@code _id} ({@code user_id}) */
    String foreignKey() default "";
}
