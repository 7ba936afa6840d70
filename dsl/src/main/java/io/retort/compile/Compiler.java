package io.retort.compile;

import io.retort.expression.Expression;
import io.retort.expression.Param;
import io.retort.statement.Delete;
import io.retort.statement.Insert;
import io.retort.statement.Query;
import io.retort.statement.Statement;
import io.retort.statement.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles statements for one dialect and placeholder style, and caches the result by the statement's
 * shape: running the same query with other values renders nothing again, it only collects the values.
 * An engine owns one compiler per placeholder style; there is no global cache.
 */
public final class Compiler {
    /** The default number of statement shapes kept. */
    public static final int DEFAULT_CACHE_SIZE = 1000;

    private final Dialect dialect;
    private final PlaceholderStyle style;
    /** Compiled shapes; read without a lock. Bounded: past its size, the least recently used half is dropped. */
    private final java.util.concurrent.ConcurrentHashMap<Statement, Entry> cache;
    private final int cacheSize;
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();

    /** A cached shape and when it was last used. */
    private static final class Entry {
        final CompiledStatement compiled;
        volatile long lastUsed;

        Entry(CompiledStatement compiled, long lastUsed) {
            this.compiled = compiled;
            this.lastUsed = lastUsed;
        }
    }

    /**
     * @param dialect   the dialect
     * @param style     the placeholder style
     * @param cacheSize how many shapes to keep, least recently used dropped first; 0 disables caching
     */
    public Compiler(Dialect dialect, PlaceholderStyle style, int cacheSize) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.style = Objects.requireNonNull(style, "style");
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize cannot be negative, got [" + cacheSize + "]");
        }
        this.cacheSize = cacheSize;
        this.cache = cacheSize == 0 ? null : new java.util.concurrent.ConcurrentHashMap<>(Math.min(cacheSize, 256));
    }

    /**
     * @param dialect the dialect
     * @param style   the placeholder style
     * @return a compiler with the default cache size
     */
    public static Compiler of(Dialect dialect, PlaceholderStyle style) {
        return new Compiler(dialect, style, DEFAULT_CACHE_SIZE);
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the placeholder style */
    public PlaceholderStyle style() {
        return style;
    }

    /**
     * @param statement a statement
     * @return its SQL and parameter slots, from the cache when a statement of the same shape was compiled
     * @throws io.retort.exception.RetortException when the statement is invalid or the dialect cannot express it
     */
    public CompiledStatement compile(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        if (cache == null) {
            return render(statement, new RenderContext(dialect, style, false, ParameterCollector.collect(statement, dialect)));
        }
        Entry hit = cache.get(statement);
        if (hit != null) {
            hit.lastUsed = clock.incrementAndGet();
            return hit.compiled;
        }
        RenderContext context = new RenderContext(dialect, style, false, ParameterCollector.collect(statement, dialect));
        CompiledStatement compiled = render(statement, context);
        if (context.shareable()) {
            cache.put(statement, new Entry(compiled, clock.incrementAndGet()));
            if (cache.size() > cacheSize) {
                evict();
            }
        }
        return compiled;
    }

    /**
     * Takes a statement's values in placeholder order.
     *
     * @param compiled  the statement's compiled form (from {@link #compile})
     * @param statement the statement, whose values are used
     * @return the values to bind, one per placeholder
     */
    public List<BoundValue> bind(CompiledStatement compiled, Statement statement) {
        List<Param<?>> params = ParameterCollector.collect(statement, dialect);
        if (params.size() != compiled.parameterCount()) {
            throw new IllegalArgumentException("The statement has " + params.size() + " parameters but its compiled form expects "
                    + compiled.parameterCount() + "; compile this statement rather than reusing another's compiled form");
        }
        List<BoundValue> values = new ArrayList<>(compiled.slots().size());
        for (ParameterSlot slot : compiled.slots()) {
            Param<?> p = params.get(slot.parameterIndex());
            values.add(new BoundValue(p.type(), p.databaseValue()));
        }
        return values;
    }

    /**
     * Renders a statement with its values written in as literals, for logs, tests and offline scripts.
     * Never execute this text: run the compiled form with bound values instead.
     *
     * @param statement the statement
     * @return SQL with inlined values
     */
    public String renderInline(Statement statement) {
        List<Param<?>> params = ParameterCollector.collect(statement, dialect);
        SqlRenderer renderer = dialect.newRenderer(new RenderContext(dialect, style, true, params));
        statement.accept(renderer);
        return renderer.sql();
    }

    /** @return how many shapes are cached */
    public int cachedShapes() {
        return cache == null ? 0 : cache.size();
    }

    /**
     * Drops the least recently used half of the cache. Rare (once per {@code cacheSize / 2} new shapes) and not
     * exact under concurrent use: a shape dropped too early is only compiled again.
     */
    private void evict() {
        synchronized (clock) {
            if (cache.size() <= cacheSize) {
                return;
            }
            long[] ages = cache.values().stream().mapToLong(e -> e.lastUsed).sorted().toArray();
            long cutoff = ages[Math.min(ages.length - 1, ages.length - cacheSize / 2 - 1)];
            cache.values().removeIf(e -> e.lastUsed <= cutoff);
        }
    }

    private CompiledStatement render(Statement statement, RenderContext context) {
        SqlRenderer renderer = dialect.newRenderer(context);
        statement.accept(renderer);
        return new CompiledStatement(renderer.sql(), renderer.slots(), context.parameterCount(), resultColumns(statement),
                context.generatedKeys());
    }

    private static List<Expression<?>> resultColumns(Statement statement) {
        if (statement instanceof Query q) {
            return q.selectedExpressions();
        }
        if (statement instanceof Insert i) {
            return i.returning();
        }
        if (statement instanceof Update u) {
            return u.returning();
        }
        if (statement instanceof Delete d) {
            return d.returning();
        }
        return List.of();
    }
}
