package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.orm.OrmDriver;
import io.retort.testing.orm.UnitOfWorkModelProperties;

/** The model-based unit-of-work property through the blocking Session, on every dialect. */
class BlockingUnitOfWorkProperties extends UnitOfWorkModelProperties {
    @Override
    protected OrmDriver openDriver(Dialect dialect) {
        return new BlockingOrmDriver(dialect);
    }
}
