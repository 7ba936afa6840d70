package io.retort.statement;

import io.retort.exception.InvalidStatementException;
import io.retort.expression.ColumnNode;
import io.retort.expression.Comparison;
import io.retort.expression.ComparisonOperator;
import io.retort.expression.Condition;
import io.retort.expression.FromNode;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.schema.Column;
import io.retort.schema.ForeignKey;
import io.retort.schema.Table;
import io.retort.schema.TableAlias;

import java.util.ArrayList;
import java.util.List;

/** Infers a join's ON clause from the one foreign key between the joined table and the tables before it. */
final class JoinInference {
    private JoinInference() {
    }

    private record Candidate(FromNode referencing, FromNode referenced, ForeignKey foreignKey) {
    }

    static Condition infer(FromNode left, FromNode right) {
        Table rightTable = tableOf(right);
        if (rightTable == null) {
            throw new InvalidStatementException("Cannot infer the ON clause for joining [" + right.qualifier()
                    + "]: only tables have foreign keys. Give the condition: join(target, on)");
        }
        List<FromNode> leftSources = new ArrayList<>();
        collect(left, leftSources);
        List<Candidate> candidates = new ArrayList<>();
        for (FromNode source : leftSources) {
            Table leftTable = tableOf(source);
            if (leftTable == null) {
                continue;
            }
            for (ForeignKey fk : rightTable.foreignKeys()) {
                if (fk.referencedTable() == leftTable) {
                    candidates.add(new Candidate(right, source, fk));
                }
            }
            if (leftTable != rightTable) {
                for (ForeignKey fk : leftTable.foreignKeys()) {
                    if (fk.referencedTable() == rightTable) {
                        candidates.add(new Candidate(source, right, fk));
                    }
                }
            }
        }
        if (candidates.size() != 1) {
            String what = candidates.isEmpty() ? "no foreign key links" : candidates.size() + " foreign keys link ("
                    + String.join(", ", candidates.stream().map(c -> c.foreignKey.name()).toList()) + ")";
            throw new InvalidStatementException("Cannot infer the ON clause for joining [" + rightTable + "]: " + what
                    + " it to the tables before it. Give the condition explicitly: join(target, on)");
        }
        Candidate c = candidates.get(0);
        List<Condition> parts = new ArrayList<>();
        List<Column<?>> from = c.foreignKey.columns();
        List<Column<?>> to = c.foreignKey.referencedColumns();
        for (int i = 0; i < from.size(); i++) {
            parts.add(new Comparison(ref(c.referencing, from.get(i)), ComparisonOperator.EQ, ref(c.referenced, to.get(i))));
        }
        return Logical.of(LogicalOperator.AND, parts);
    }

    private static ColumnNode<?> ref(FromNode source, Column<?> column) {
        return source instanceof TableAlias alias ? alias.col(column) : column;
    }

    private static Table tableOf(FromNode node) {
        if (node instanceof Table t) {
            return t;
        }
        if (node instanceof TableAlias a) {
            return a.table();
        }
        return null;
    }

    private static void collect(FromNode node, List<FromNode> out) {
        if (node instanceof Join j) {
            collect(j.left(), out);
            collect(j.right(), out);
        } else {
            out.add(node);
        }
    }
}
