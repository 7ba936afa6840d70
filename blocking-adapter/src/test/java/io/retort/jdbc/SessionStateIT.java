package io.retort.jdbc;

import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.retort.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Reliability plan R24: a connection comes back from the pool without the last borrower's settings. */
class SessionStateIT {

    @Test
    void nextBorrowerNeverSeesTheLastOnesSettings() throws Exception {
        Engine engine = TestEngines.open(Dialects.POSTGRES, EngineOptions.DEFAULTS.withMaxPoolSize(10).withMinIdle(0));
        Random random = new Random(24);
        int leaked = 0;
        int cycles = 1000;
        String defaultPath;
        try (Connection c = engine.connect()) {
            defaultPath = c.execute(text("SHOW search_path")).scalar();
        }
        try {
            for (int i = 0; i < cycles; i++) {
                try (Connection c = engine.connect()) {
                    String timeout = c.execute(text("SHOW statement_timeout")).scalar();
                    String path = c.execute(text("SHOW search_path")).scalar();
                    String isolation = c.execute(text("SHOW transaction_isolation")).scalar();
                    String readOnly = c.execute(text("SHOW transaction_read_only")).scalar();
                    if (!"0".equals(timeout) || !defaultPath.equals(path) || !"read committed".equals(isolation)
                            || !"off".equals(readOnly)) {
                        leaked++;
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> c.execute(text("SET statement_timeout = '5s'"));
                        case 1 -> c.execute(text("SET search_path TO pg_catalog"));
                        case 2 -> c.begin(IsolationLevel.SERIALIZABLE, true);
                        default -> {
                            c.begin();
                            c.execute(text("SET LOCAL statement_timeout = '7s'"));
                        }
                    }
                }
            }
        } finally {
            TestEngines.closeChecked(engine);
        }
        System.out.printf("R24: %d leaked settings seen in %d borrow cycles%n", leaked, cycles);
        assertThat(leaked).isZero();
    }
}
