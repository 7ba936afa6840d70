package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.ArrayType;
import io.retort.type.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code operand [NOT] IN (a, b, ...)}. An empty list is valid: {@code IN ()} is always false and
 * {@code NOT IN ()} always true, rendered as {@code 1 = 0} / {@code 1 = 1}.
 *
 * <p>A list of bound values of one type has the shape of its size bucket (the next power of two), not of its size, so
 * the compiled-statement cache holds one entry per bucket however many list lengths a program uses. The dialect
 * renders such a list either padded to its bucket (the last value repeated, as Hibernate's
 * {@code in_clause_parameter_padding}) or as {@code = ANY(?)} with the values in one array parameter, which is what
 * lets a list of 100,000 values run where drivers limit a statement to 32,767 or 65,535 parameters.
 */
public final class InList implements Condition {
    private final Expression<?> operand;
    private final List<Expression<?>> values;
    private final boolean negated;
    private final @Nullable DataType<?> elementType;
    /** Array parameters per chunk size, made once so that collecting and rendering see the same parameter objects. */
    private final ConcurrentHashMap<Integer, List<Param<?>>> arrays = new ConcurrentHashMap<>();

    /**
     * @param operand the tested expression
     * @param values  the candidates, possibly none
     * @param negated whether this is {@code NOT IN}
     */
    public InList(Expression<?> operand, List<Expression<?>> values, boolean negated) {
        this.operand = Objects.requireNonNull(operand, "operand");
        this.values = List.copyOf(values);
        this.negated = negated;
        this.elementType = commonParamType(this.values);
    }

    private static @Nullable DataType<?> commonParamType(List<Expression<?>> values) {
        if (values.isEmpty() || !(values.get(0) instanceof Param<?> first)) {
            return null;
        }
        for (Expression<?> v : values) {
            if (!(v instanceof Param<?> p) || !p.type().equals(first.type())) {
                return null;
            }
        }
        return first.type();
    }

    /** @return the tested expression */
    public Expression<?> operand() {
        return operand;
    }

    /** @return the candidates as given */
    public List<Expression<?>> values() {
        return values;
    }

    /** @return whether this is {@code NOT IN} */
    public boolean negated() {
        return negated;
    }

    /** @return the type of every candidate when all are bound values of one type, else {@code null} */
    public @Nullable DataType<?> elementType() {
        return elementType;
    }

    /**
     * @return how many placeholders a padded rendering has: the size rounded up to a power of two when the list is of
     * bound values of one type, else the size itself
     */
    public int bucket() {
        int n = values.size();
        if (elementType == null || n <= 1) {
            return n;
        }
        int bucket = Integer.highestOneBit(n - 1) << 1;
        return bucket <= 0 ? n : bucket;
    }

    /** @return the candidates padded to {@link #bucket()} by repeating the last one (the same parameter object) */
    public List<Expression<?>> paddedValues() {
        int bucket = bucket();
        if (bucket == values.size()) {
            return values;
        }
        List<Expression<?>> padded = new ArrayList<>(bucket);
        padded.addAll(values);
        padded.addAll(Collections.nCopies(bucket - values.size(), values.get(values.size() - 1)));
        return padded;
    }

    /**
     * The candidates as array parameters of at most {@code limit} elements each. Their number depends only on the
     * bucket, so two lists of one bucket render alike; the same list objects are returned on every call.
     *
     * @param limit the most elements the dialect takes in one array
     * @return one array parameter per chunk, possibly empty arrays at the end
     * @throws IllegalStateException if the candidates are not bound values of one type
     */
    public List<Param<?>> arrayValues(int limit) {
        if (elementType == null) {
            throw new IllegalStateException("Only a list of bound values of one type can be bound as an array");
        }
        return arrays.computeIfAbsent(limit, this::chunks);
    }

    private List<Param<?>> chunks(int limit) {
        int bucket = bucket();
        int chunkCount = Math.max(1, (bucket + limit - 1) / limit);
        int perChunk = (values.size() + chunkCount - 1) / chunkCount;
        DataType<?> arrayType = new ArrayType<>(elementType.databaseType());
        List<Param<?>> chunks = new ArrayList<>(chunkCount);
        for (int c = 0; c < chunkCount; c++) {
            int from = Math.min(values.size(), c * perChunk);
            int to = Math.min(values.size(), from + perChunk);
            List<Object> elements = new ArrayList<>(to - from);
            for (Expression<?> v : values.subList(from, to)) {
                elements.add(((Param<?>) v).databaseValue());
            }
            chunks.add(new Param<>(arrayType, Collections.unmodifiableList(elements)));
        }
        return List.copyOf(chunks);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitInList(this);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InList other) || negated != other.negated || !operand.equals(other.operand)) {
            return false;
        }
        if (elementType != null) {
            return elementType.equals(other.elementType) && bucket() == other.bucket();
        }
        return other.elementType == null && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        int h = operand.hashCode() * 31 + (negated ? 1 : 0);
        return elementType != null ? h * 31 + elementType.hashCode() * 17 + bucket() : h * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "InList[" + operand + (negated ? " NOT IN " : " IN ") + values.size() + " values]";
    }
}
