package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.testing.orm.OrmDriver;
import io.retort.testing.orm.UnitOfWorkModelProperties;

/** The model-based unit-of-work property through the AsyncSession (each operation awaited), on every dialect. */
class ReactiveUnitOfWorkProperties extends UnitOfWorkModelProperties {
    @Override
    protected OrmDriver openDriver(Dialect dialect) {
        return ReactiveOrmScenariosIT.driver(dialect);
    }
}
