package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.schema.Column;
import io.retort.schema.Table;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

import static io.retort.Sql.select;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.TEXT;

/**
 * The program {@link LargeResultIT} runs in a JVM with a small heap: reads every row of {@code big_rows}, either
 * through {@link Connection#stream} or materialized with {@link Connection#execute}, and prints what it saw as
 * {@code KEY value} lines. Exit 0 when all rows were read, 3 when reading failed (the failure's cause chain is printed).
 *
 * <p>Usage: {@code LargeResultChild <database url> stream|execute}
 */
public final class LargeResultChild {
    /** The table both JVMs read: an id and a payload of about 1 KB. */
    static final class BigRows extends Table {
        static final BigRows BIG = new BigRows();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> PAYLOAD = column("payload", TEXT);

        private BigRows() {
            super("big_rows");
        }
    }

    private static final BigRows BIG = BigRows.BIG;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    private static long peakUsed;
    private static long peakLiveAfterGc;

    private LargeResultChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        boolean streaming = args[1].equals("stream");
        HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        int exit = 0;
        try (Engine engine = Engine.create(url, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0));
             Connection c = engine.connect()) {
            if (streaming) {
                try (RowStream stream = c.stream(select(BIG.ID, BIG.PAYLOAD).from(BIG))) {
                    for (Row row : stream) {
                        rows++;
                        chars += row.get(BIG.PAYLOAD).length();
                        if (rows % 1000 == 0) {
                            sample();
                        }
                    }
                }
            } else {
                Result result = c.execute(select(BIG.ID, BIG.PAYLOAD).from(BIG));
                sample();
                rows = result.rows().size();
                for (Row row : result.rows()) {
                    chars += row.get(BIG.PAYLOAD).length();
                }
            }
        } catch (Throwable t) {
            exit = 3;
            StringBuilder chain = new StringBuilder();
            for (Throwable e = t; e != null; e = e.getCause()) {
                chain.append(chain.length() > 0 ? " <- " : "").append(e.getClass().getName()).append(": ").append(e.getMessage());
            }
            System.out.println("FAILED " + chain);
        }
        sample();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            poolPeaks += pool.getPeakUsage().getUsed();
        }
        System.out.println("ROWS " + rows);
        System.out.println("CHARS " + chars);
        System.out.println("MILLIS " + (System.nanoTime() - start) / 1_000_000);
        System.out.println("MAX_HEAP " + Runtime.getRuntime().maxMemory());
        System.out.println("PEAK_USED " + peakUsed);
        System.out.println("POOL_PEAKS " + poolPeaks);
        System.out.println("PEAK_LIVE_AFTER_GC " + peakLiveAfterGc);
        System.out.flush();
        System.exit(exit);
    }

    /** Heap in use now (garbage included), and what the last collection of each pool left alive. */
    private static void sample() {
        peakUsed = Math.max(peakUsed, MEMORY.getHeapMemoryUsage().getUsed());
        long live = 0;
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            live += afterGc == null ? 0 : afterGc.getUsed();
        }
        peakLiveAfterGc = Math.max(peakLiveAfterGc, live);
    }
}
