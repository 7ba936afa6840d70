package io.retort.orm.annotation;

import io.retort.orm.Cascade;
import io.retort.orm.LoadStrategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code List<Child>} field holding the children of this {@link Entity} ({@code User.addresses}), the other
 * side of the child's {@link ManyToOne}. The session keeps both sides in sync.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user", cascade = {Cascade.DELETE, Cascade.DELETE_ORPHAN})
 * private List<Address> addresses = new ArrayList<>();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface OneToMany {
    /** @return the name of the child's {@link ManyToOne} field that refers back to this entity */
    String mappedBy();

    /** @return how the children load unless a query says otherwise ({@link LoadStrategy#LAZY} like SQLAlchemy) */
    LoadStrategy lazy() default LoadStrategy.LAZY;

    /** @return cascades besides save-update, which is always on ({@link Cascade#DELETE}, {@link Cascade#DELETE_ORPHAN}) */
    Cascade[] cascade() default {};
}
