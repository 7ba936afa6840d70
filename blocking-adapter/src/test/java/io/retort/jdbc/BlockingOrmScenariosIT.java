package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.orm.OrmDriver;
import io.retort.testing.orm.OrmScenarios;

/** The shared ORM scenarios through the blocking Session, on H2 and PostgreSQL. */
class BlockingOrmScenariosIT extends OrmScenarios {
    @Override
    protected OrmDriver openDriver(Dialect dialect) {
        return new BlockingOrmDriver(dialect);
    }
}
