package io.retort.testkit;

import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.orm.SessionOptions;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A JUnit 5 extension that gives each test a database session inside a transaction rolled back at its end, on the
 * blocking or the reactive path, and records the SQL it sends. Register it with {@link RetortTest} or, for settings
 * an annotation cannot hold, with {@link #builder()} in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RetortExtension DB = RetortExtension.builder()
 *         .tables(USERS, ADDRESSES)
 *         .urlFromVariable("RETORT_PG_URL")   // unset: embedded H2
 *         .build();
 *
 * @Test
 * void findsAdults(Session session, SqlRecorder sql) { ... }
 * }</pre>
 *
 * <p><b>Parameters.</b> Test methods and {@code @BeforeEach}/{@code @AfterEach} methods may take a {@link Session},
 * an {@link AsyncSession}, a {@link SessionFactory}, an {@link AsyncSessionFactory}, an {@link Engine}, an
 * {@link AsyncEngine}, a {@link SqlRecorder} and the {@link Dialect}; within one test, the same type is the same
 * object, and everything works in that test's transaction (see {@link TestIsolation}). The session is closed after
 * the test. {@code @BeforeAll} methods may take the class's {@code Engine}, {@code AsyncEngine}, session factories
 * and {@code Dialect}: their work commits for real and every test of the class sees it (reference data), until the
 * class's fresh schema is dropped.
 *
 * <p><b>The database</b> is made once per test class (see {@link SchemaSetup}); tests of a {@code @Nested} class
 * share their outer class's database. The embedded default needs {@code com.h2database:h2} (and
 * {@code io.r2dbc:r2dbc-h2} for the reactive side) on the test class path.
 */
public final class RetortExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RetortExtension.class);
    private static final String SCOPE = "scope";
    private static final Set<Class<?>> TEST_TYPES = Set.of(Session.class, AsyncSession.class, SessionFactory.class,
            AsyncSessionFactory.class, Engine.class, AsyncEngine.class, SqlRecorder.class, Dialect.class);
    private static final Set<Class<?>> CLASS_TYPES = Set.of(SessionFactory.class, AsyncSessionFactory.class, Engine.class,
            AsyncEngine.class, Dialect.class);

    /** The builder's settings, or null to read {@link RetortTest} from the test class. */
    private final @Nullable ExtensionSettings settings;

    /** The extension as {@link RetortTest} (or {@code @ExtendWith}) registers it: settings from the annotation. */
    public RetortExtension() {
        this.settings = null;
    }

    private RetortExtension(ExtensionSettings settings) {
        this.settings = settings;
    }

    /** @return a builder of an extension to register with {@code @RegisterExtension} in a static field */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TEST_TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ClassDatabase database = database(context);
        if (context.getTestMethod().isPresent()) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(SCOPE, k -> new TestScope(database), TestScope.class)
                    .resolve(type);
        }
        if (type == Engine.class) {
            return database.engine();
        } else if (type == AsyncEngine.class) {
            return database.asyncEngine();
        } else if (type == SessionFactory.class) {
            return database.sessionFactory();
        } else if (type == AsyncSessionFactory.class) {
            return database.asyncSessionFactory();
        } else if (type == Dialect.class) {
            return database.dialect();
        }
        throw new ParameterResolutionException(type.getSimpleName() + " belongs to one test: take it in a test method or a "
                + "@BeforeEach/@AfterEach method. Outside a test (@BeforeAll, constructors) the extension gives only "
                + CLASS_TYPES.stream().map(Class::getSimpleName).sorted().toList() + ", whose work commits for the whole class");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope scope = context.getStore(NAMESPACE).remove(SCOPE, TestScope.class);
        try {
            if (scope != null) {
                scope.close();
            }
        } finally {
            ClassDatabase database = existingDatabase(context);
            if (database != null && database.settings().isolation == TestIsolation.DELETE_ROWS) {
                database.deleteRows();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (root(context) == context) {
            ClassDatabase database = context.getStore(NAMESPACE).remove(databaseKey(context), ClassDatabase.class);
            if (database != null) {
                database.close();
            }
        }
    }

    private ClassDatabase database(ExtensionContext context) {
        ExtensionContext root = root(context);
        ExtensionSettings resolved = settings(context);
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(databaseKey(context), k -> ClassDatabase.open(resolved,
                DatabaseAddress.resolve(resolved, root.getRequiredTestClass().getSimpleName(), context::getConfigurationParameter,
                        RetortExtension::variable, random)), ClassDatabase.class);
    }

    private @Nullable ClassDatabase existingDatabase(ExtensionContext context) {
        return root(context).getStore(NAMESPACE).get(databaseKey(context), ClassDatabase.class);
    }

    /** One database per configuration per top-level class: the builder's extension, or the annotation found. */
    private List<Object> databaseKey(ExtensionContext context) {
        return List.of("database", settings != null ? this : annotation(context).map(Object.class::cast).orElse("defaults"));
    }

    private ExtensionSettings settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        return annotation(context).map(ExtensionSettings::of).orElseGet(() -> new Builder().settings());
    }

    /** {@link RetortTest} on the test class, its superclasses or meta-annotations, else on an enclosing class. */
    private static Optional<RetortTest> annotation(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<RetortTest> found = AnnotationSupport.findAnnotation(c, RetortTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The context of the top-level test class, whose store outlives every test and nested class in it. */
    private static ExtensionContext root(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static @Nullable String variable(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    /** @return the settings' source */
    @Override
    public String toString() {
        return settings == null ? "RetortExtension[from @RetortTest]" : "RetortExtension[built]";
    }

    /**
     * Configures a {@link RetortExtension}. Every setting has the same default as in {@link RetortTest}. Not
     * thread-safe; the extension it builds is immutable.
     */
    public static final class Builder {
        private MetaData metadata = MetaData.of();
        private String url = "";
        private String urlVariable = "";
        private String r2dbcUrl = "";
        private String r2dbcUrlVariable = "";
        private SchemaSetup schema = SchemaSetup.FRESH;
        private TestIsolation isolation = TestIsolation.ROLLBACK;
        private int poolSize = 5;
        private boolean echo;
        private SessionOptions sessionOptions = SessionOptions.defaults();
        private EngineOptions engineOptions = EngineOptions.DEFAULTS;
        private AsyncEngineOptions asyncEngineOptions = AsyncEngineOptions.DEFAULTS;

        private Builder() {
        }

        /**
         * @param tables the tables to create and, for entity tables, to map in the sessions
         * @return this builder
         */
        public Builder tables(Table... tables) {
            this.metadata = MetaData.of(tables);
            return this;
        }

        /**
         * @param metadata the schema to create (with its sequences); its entity tables are mapped in the sessions
         * @return this builder
         */
        public Builder metadata(MetaData metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * @param url the database, as {@code Engine.create} takes it; see {@link RetortTest#url()}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param name a system property or environment variable holding the URL; see {@link RetortTest#urlVariable()}
         * @return this builder
         */
        public Builder urlFromVariable(String name) {
            this.urlVariable = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param url the reactive engine's URL; see {@link RetortTest#r2dbcUrl()}
         * @return this builder
         */
        public Builder r2dbcUrl(String url) {
            this.r2dbcUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param name a system property or environment variable holding the reactive engine's URL
         * @return this builder
         */
        public Builder r2dbcUrlFromVariable(String name) {
            this.r2dbcUrlVariable = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param schema what is done about the schema, once per class
         * @return this builder
         */
        public Builder schema(SchemaSetup schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * @param isolation how one test's rows are kept from the next
         * @return this builder
         */
        public Builder isolation(TestIsolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * @param size the most connections each of the class's engines opens (it overrides the engine options')
         * @return this builder
         */
        public Builder poolSize(int size) {
            this.poolSize = size;
            return this;
        }

        /**
         * @param on whether both engines print every statement (it overrides the engine options')
         * @return this builder
         */
        public Builder echo(boolean on) {
            this.echo = on;
            return this;
        }

        /**
         * @param options how the sessions behave (expire on commit, autoflush)
         * @return this builder
         */
        public Builder sessionOptions(SessionOptions options) {
            this.sessionOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param options the blocking engines' options (timeouts, fetch size, driver properties)
         * @return this builder
         */
        public Builder engineOptions(EngineOptions options) {
            this.engineOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param options the reactive engines' options
         * @return this builder
         */
        public Builder asyncEngineOptions(AsyncEngineOptions options) {
            this.asyncEngineOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @return the extension
         * @throws IllegalArgumentException for a pool size under 1
         */
        public RetortExtension build() {
            return new RetortExtension(settings());
        }

        private ExtensionSettings settings() {
            return new ExtensionSettings(metadata, url, urlVariable, r2dbcUrl, r2dbcUrlVariable, schema, isolation, poolSize,
                    sessionOptions, engineOptions.withEcho(echo || engineOptions.echo()),
                    asyncEngineOptions.withEcho(echo || asyncEngineOptions.echo()));
        }
    }
}
