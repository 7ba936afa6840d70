package io.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a mutable class as a mapped entity: the annotation processor writes {@code <Class>Table}, an
 * {@link io.retort.orm.EntityTable} in the same package, with one column per instance field.
 *
 * <pre>{@code
 * @Entity(table = "users")
 * public class User {
 *     @Id private Long id;
 *     @Column(length = 50, nullable = false, unique = true) private String name;
 *     private Integer age;
 *     // getters and setters, and a no-arg constructor
 * }
 * }</pre>
 *
 * Every instance field that is neither {@code static} nor {@code transient} is mapped, and needs a getter
 * ({@code getX}, or {@code isX} for booleans) and a setter ({@code setX}). The class needs a no-arg constructor
 * that the generated table can call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
    /** @return the table's name; empty for the class's simple name in snake_case ({@code OrderLine} is {@code order_line}) */
    String table() default "";

    /** @return the schema the table lives in; empty for the connection's default schema */
    String schema() default "";
}
