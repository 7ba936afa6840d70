package io.retort.orm.internal;

import io.retort.exception.InvalidStatementException;
import io.retort.expression.Arithmetic;
import io.retort.expression.ArithmeticOperator;
import io.retort.expression.Between;
import io.retort.expression.ColumnNode;
import io.retort.expression.Comparison;
import io.retort.expression.ComparisonOperator;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.InList;
import io.retort.expression.IsNull;
import io.retort.expression.Literal;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.expression.Not;
import io.retort.expression.Param;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.type.TypeKind;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The WHERE of a bulk UPDATE or DELETE, and the values of its SET, computed in Java against the session's loaded
 * objects (SQLAlchemy's {@code synchronize_session='evaluate'}), with SQL's three-valued logic: a comparison with
 * NULL is unknown and matches nothing. Only what Java computes exactly as the database does is accepted (columns of
 * the statement's own table, bound values, comparisons, AND/OR/NOT, IS NULL, IN, BETWEEN, and {@code + - *} on
 * numbers); ordering text depends on the database's collation and is refused like anything else, before the
 * statement runs, with a message naming {@code FETCH}.
 */
final class InMemoryCriteria {
    /** One computed value of an object; {@code null} is SQL NULL. */
    @FunctionalInterface
    interface Value {
        @Nullable Object of(Object entity);
    }

    /** A condition's truth for an object: TRUE, FALSE, or {@code null} for unknown. */
    @FunctionalInterface
    interface Truth {
        @Nullable Boolean of(Object entity);
    }

    private static final Set<TypeKind> TEXT = Set.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT);
    private static final Set<TypeKind> ORDERED = Set.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT,
            TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.DATE, TypeKind.TIME, TypeKind.TIMESTAMP,
            TypeKind.TIMESTAMP_TZ);

    private final EntityTable<?> table;
    private final String statement;

    private InMemoryCriteria(EntityTable<?> table, String statement) {
        this.table = table;
        this.statement = statement;
    }

    /**
     * @param table     the statement's table
     * @param where     its WHERE, or {@code null} for every row
     * @param statement what to call it in an error ("UPDATE of orders")
     * @return the truth of {@code where} for an object of {@code table}
     * @throws InvalidStatementException when a part of it cannot be computed in Java exactly as the database would
     */
    static Truth where(EntityTable<?> table, @Nullable Condition where, String statement) {
        return where == null ? entity -> Boolean.TRUE : new InMemoryCriteria(table, statement).truth(where);
    }

    /**
     * @param table     the statement's table
     * @param value     a SET value
     * @param statement what to call it in an error
     * @return the value, computed for an object, in the database's form; {@code null} when it cannot be computed
     *         in Java (the objects it changes are then expired instead)
     */
    static @Nullable Value value(EntityTable<?> table, Expression<?> value, String statement) {
        try {
            return new InMemoryCriteria(table, statement).value(value);
        } catch (InvalidStatementException notComputable) {
            return null;
        }
    }

    /**
     * @param column        an assigned column
     * @param databaseValue its new value in the database's form
     * @return the value as the object holds it
     * @throws InvalidStatementException when the database would store a different value than the one computed
     *                                   (more decimal places than the column keeps, a value of another class)
     */
    static @Nullable Object javaValue(EntityColumn<?, ?> column, @Nullable Object databaseValue) {
        if (databaseValue == null) {
            return null;
        }
        io.retort.type.DataType<?> type = column.type();
        Object value = databaseValue;
        if (value instanceof BigDecimal d && type.databaseType().kind() == TypeKind.DECIMAL
                && type.databaseType().scale() != null) {
            try {
                value = d.setScale(type.databaseType().scale(), java.math.RoundingMode.UNNECESSARY);
            } catch (ArithmeticException rounded) {
                throw new InvalidStatementException("the database rounds " + d + " for " + column.name());
            }
        }
        if (type instanceof io.retort.type.ConvertedType<?, ?> converted) {
            return converted.fromDatabaseValue(value);
        }
        if (!type.javaType().isInstance(value)) {
            throw new InvalidStatementException("a " + value.getClass().getSimpleName() + " for " + column.name());
        }
        return value;
    }

    private Truth truth(Condition condition) {
        if (condition instanceof Comparison c) {
            return comparison(c.left(), c.operator(), c.right());
        }
        if (condition instanceof Logical l) {
            List<Truth> parts = new ArrayList<>();
            for (Condition operand : l.operands()) {
                parts.add(truth(operand));
            }
            return l.operator() == LogicalOperator.AND ? and(parts) : or(parts);
        }
        if (condition instanceof Not n) {
            return not(truth(n.operand()));
        }
        if (condition instanceof IsNull n) {
            Value operand = value(n.operand());
            return entity -> (operand.of(entity) == null) != n.negated();
        }
        if (condition instanceof InList in) {
            List<Truth> equals = new ArrayList<>();
            for (Expression<?> v : in.values()) {
                equals.add(comparison(in.operand(), ComparisonOperator.EQ, v));
            }
            Truth any = or(equals);
            return in.negated() ? not(any) : any;
        }
        if (condition instanceof Between b) {
            Truth inside = and(List.of(comparison(b.operand(), ComparisonOperator.GE, b.low()),
                    comparison(b.operand(), ComparisonOperator.LE, b.high())));
            return b.negated() ? not(inside) : inside;
        }
        throw notComputable(condition.getClass().getSimpleName() + " " + condition);
    }

    private static Truth and(List<Truth> parts) {
        return junction(parts, false);
    }

    private static Truth or(List<Truth> parts) {
        return junction(parts, true);
    }

    /** AND ({@code decisive} false) or OR ({@code decisive} true), with SQL's unknown. */
    private static Truth junction(List<Truth> parts, boolean decisive) {
        return entity -> {
            boolean unknown = false;
            for (Truth part : parts) {
                Boolean t = part.of(entity);
                if (t == null) {
                    unknown = true;
                } else if (t == decisive) {
                    return decisive;
                }
            }
            return unknown ? null : !decisive;
        };
    }

    private static Truth not(Truth inner) {
        return entity -> {
            Boolean t = inner.of(entity);
            return t == null ? null : !t;
        };
    }

    private Truth comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) {
        TypeKind kind = left.type().databaseType().kind();
        if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE && !ORDERED.contains(kind)) {
            throw notComputable("the order of " + kind + " values" + (TEXT.contains(kind)
                    ? " (it follows the database's collation)" : ""));
        }
        Value l = value(left);
        Value r = value(right);
        return entity -> {
            Object a = l.of(entity);
            Object b = r.of(entity);
            if (a == null || b == null) {
                return null;
            }
            int order = compare(a, b);
            return switch (operator) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        if (a.getClass() == b.getClass()) {
            return a.equals(b) ? 0 : 1;
        }
        throw notComputable("a comparison of " + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
    }

    private Value value(Expression<?> expression) {
        if (expression instanceof Param<?> p) {
            Object v = p.databaseValue();
            return entity -> v;
        }
        if (expression instanceof Literal<?> l) {
            Object v = l.value();
            return entity -> v;
        }
        if (expression instanceof ColumnNode<?> c) {
            EntityColumn<?, ?> column = ownColumn(c);
            return entity -> {
                Object v = column.getRaw(entity);
                return v == null ? null : column.type().toDatabase(v);
            };
        }
        if (expression instanceof Arithmetic<?> a && a.operator() != ArithmeticOperator.DIVIDE
                && a.operator() != ArithmeticOperator.MODULO && numeric(a.type().databaseType().kind())) {
            Value l = value(a.left());
            Value r = value(a.right());
            Class<?> result = a.type().databaseType().javaType();
            return entity -> {
                Object x = l.of(entity);
                Object y = r.of(entity);
                if (x == null || y == null) {
                    return null;
                }
                BigDecimal m = decimal((Number) x);
                BigDecimal n = decimal((Number) y);
                BigDecimal out = switch (a.operator()) {
                    case PLUS -> m.add(n);
                    case MINUS -> m.subtract(n);
                    default -> m.multiply(n);
                };
                return as(result, out);
            };
        }
        throw notComputable(String.valueOf(expression));
    }

    private EntityColumn<?, ?> ownColumn(ColumnNode<?> node) {
        for (EntityColumn<?, ?> column : table.entityColumns()) {
            if (column == node) {
                return column;
            }
        }
        throw notComputable("the column " + node.name() + ", which is not one of " + table.name() + "'s mapped columns");
    }

    private static boolean numeric(TypeKind kind) {
        return kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT
                || kind == TypeKind.DECIMAL;
    }

    /** Integer arithmetic that leaves its type's range is an error in the database: it is not guessed here. */
    private Object as(Class<?> type, BigDecimal value) {
        Object exact = io.retort.type.internal.DriverValues.widenNumber(value, type);
        if (exact == null) {
            throw notComputable("a result out of " + type.getSimpleName() + "'s range (" + value + ")");
        }
        return exact;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof java.math.BigInteger i) {
            return new BigDecimal(i);
        }
        return new BigDecimal(n.toString());
    }

    private InvalidStatementException notComputable(String what) {
        return new InvalidStatementException("Cannot synchronize the session with EVALUATE for this " + statement
                + ": " + what + " cannot be computed in Java exactly as the database does. Use SynchronizeSession.FETCH "
                + "(the default: selects the matched keys first) or EXPIRE_TABLE.");
    }
}
