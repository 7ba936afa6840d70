package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.engine.RowMapping;
import io.retort.schema.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;

/** Rows of a Flux mapped to plain objects by label, on every registered dialect. */
class RowMappingIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    /** Filled through setters named after the labels. */
    public static final class NamedPerson {
        private String name;
        private Long age;

        public void setName(String name) {
            this.name = name;
        }

        public void setAge(Long age) {
            this.age = age;
        }

        @Override
        public String toString() {
            return name + ":" + age;
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void fluxRowsMapToPlainObjects(Dialect dialect) {
        AsyncEngine engine = TestEngines.open(dialect);
        try {
            engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
            engine.rowCount(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", null))
                    .as(StepVerifier::create).expectNext(2L).verifyComplete();
            engine.execute(select(USERS.NAME, USERS.AGE).from(USERS).orderBy(USERS.NAME))
                    .map(RowMapping.into(NamedPerson.class))
                    .map(NamedPerson::toString)
                    .as(StepVerifier::create).expectNext("ada:36", "bob:null").verifyComplete();
        } finally {
            TestEngines.closeChecked(engine);
        }
    }
}
