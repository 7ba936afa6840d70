package io.retort.migrate;

import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.retort.migrate.Operations.column;
import static io.retort.migrate.Operations.table;

/**
 * One migrating process of R21: upgrades to head from several threads at once, each with a Migrator of its own and
 * no in-process lock, so only the database's lock keeps the runs apart. Every revision records itself in
 * {@code mig_applied} inside its own transaction and waits a little, so a process can be killed half way through
 * one. Prints what each thread applied; exits 0 when every thread succeeded.
 */
public final class ConcurrentMigrationMain {
    private ConcurrentMigrationMain() {
    }

    /** @return the three revisions, in order */
    static List<Revision> revisions(String pauseSql) {
        return List.of(new Step("v1", null, pauseSql, true), new Step("v2", "v1", pauseSql, false),
                new Step("v3", "v2", pauseSql, false));
    }

    /**
     * @param args the JDBC URL, the application name, the number of threads, the SQL of a short pause
     */
    public static void main(String[] args) {
        String url = args[0];
        String app = args[1];
        int threads = Integer.parseInt(args[2]);
        String pause = args[3];
        int failures = 0;
        try (Engine engine = Engine.create(url, EngineOptions.DEFAULTS.withMaxPoolSize(threads + 2).withMinIdle(0)
                .withApplicationName(app))) {
            List<CompletableFuture<List<Revision>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(CompletableFuture.supplyAsync(
                        () -> new Migrator(engine, revisions(pause)).withoutProcessLock().upgrade("head")));
            }
            for (CompletableFuture<List<Revision>> run : runs) {
                try {
                    System.out.println("applied " + run.join().stream().map(Revision::id).toList());
                } catch (RuntimeException e) {
                    failures++;
                    e.printStackTrace();
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** A revision that records itself and pauses; the first also makes the record table. */
    static final class Step extends Revision {
        private final String pauseSql;
        private final boolean first;

        Step(String id, String parent, String pauseSql, boolean first) {
            super(id, "step " + id, parent == null ? new String[0] : new String[]{parent});
            this.pauseSql = pauseSql;
            this.first = first;
        }

        @Override
        public void upgrade(Operations op) {
            if (first) {
                op.createTable(table("mig_applied").column(column("revision", "VARCHAR(10)").notNull()));
            }
            op.createTable(table("mig_" + id()).column(column("id", "BIGINT").notNull()));
            op.execute(io.retort.Sql.text("INSERT INTO mig_applied (revision) VALUES (:r)").bind("r", id()));
            op.execute(pauseSql);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("mig_" + id());
            if (first) {
                op.dropTable("mig_applied");
            }
        }
    }
}
