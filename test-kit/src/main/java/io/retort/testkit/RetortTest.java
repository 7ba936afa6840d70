package io.retort.testkit;

import io.retort.schema.Table;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class with {@link RetortExtension}: its test methods may take a {@code Session}, an
 * {@code AsyncSession}, their factories, the {@code Engine}, the {@code AsyncEngine}, a {@link SqlRecorder} and the
 * {@code Dialect} as parameters, each test inside a transaction rolled back at its end (Spring's
 * {@code @DataJpaTest}, for Retort).
 *
 * <pre>{@code
 * @RetortTest(tables = {UserTable.class, AddressTable.class})
 * class UserRepositoryTest {
 *     @Test
 *     void savesAUser(Session session) { ... }
 * }
 * }</pre>
 *
 * <p>The database is, first found: the URL in the system property or environment variable {@link #urlVariable()}
 * names, {@link #url()}, the JUnit configuration parameter {@code retort.test.url} (in
 * {@code junit-platform.properties}, or {@code -Dretort.test.url=...}), else a new embedded H2 database in memory
 * for the class. It may also be used as a meta-annotation on an annotation of your own. For settings an annotation
 * cannot hold (a {@code MetaData} with sequences, engine options), register the extension with
 * {@link RetortExtension#builder()} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RetortExtension.class)
public @interface RetortTest {
    /**
     * @return the tables to create (see {@link #schema()}) and, for entity tables, to map in the sessions; each
     *         class must hold its one instance in a static field of its own type ({@code public static final
     *         UserTable USERS = new UserTable();})
     */
    Class<? extends Table>[] tables() default {};

    /**
     * @return the database's URL, as {@code Engine.create} takes it ({@code postgresql://user@host:5432/db},
     *         {@code jdbc:postgresql://...}, {@code h2:mem:name}); empty for the next source
     */
    String url() default "";

    /**
     * @return a system property or environment variable (looked up in that order) holding the URL, such as
     *         {@code RETORT_PG_URL}; when it is unset or blank, the next source is used
     */
    String urlVariable() default "";

    /**
     * @return the reactive engine's URL when it cannot be derived from the blocking one (an {@code r2dbc:} URL);
     *         by default it is the blocking URL without its {@code jdbc:} prefix, which both engines read
     */
    String r2dbcUrl() default "";

    /** @return a system property or environment variable holding the reactive engine's URL; it wins over {@link #r2dbcUrl()} */
    String r2dbcUrlVariable() default "";

    /** @return what is done about the schema, once per class */
    SchemaSetup schema() default SchemaSetup.FRESH;

    /** @return how one test's rows are kept from the next */
    TestIsolation isolation() default TestIsolation.ROLLBACK;

    /** @return the most connections each of the class's engines opens */
    int poolSize() default 5;

    /** @return whether the engines print every statement, as {@code EngineOptions.withEcho(true)} */
    boolean echo() default false;
}
