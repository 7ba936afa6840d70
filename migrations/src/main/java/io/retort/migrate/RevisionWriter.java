package io.retort.migrate;

import io.retort.schema.change.SchemaChange;
import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a revision as Java source over {@link Operations}: what autogenerate found, as calls a person reads and
 * edits before running, with what it could not decide written as comments at the top of {@code upgrade}. The
 * downgrade is the upgrade's changes undone in reverse order; a change the database cannot undo is a comment.
 */
public final class RevisionWriter {
    private RevisionWriter() {
    }

    /**
     * @param javaPackage the package of the revision classes
     * @param id          the revision's id
     * @param message     what it does
     * @param parents     the revisions it follows
     * @param changes     its upgrade
     * @param questions   what a person must decide, as sentences
     * @return the source of the class {@code R<id>}
     */
    public static String source(String javaPackage, String id, String message, List<String> parents,
                                List<SchemaChange> changes, List<String> questions) {
        return source(javaPackage, id, message, parents, changes, questions, null);
    }

    /**
     * @param javaPackage the package of the revision classes
     * @param id          the revision's id
     * @param message     what it does
     * @param parents     the revisions it follows
     * @param changes     its upgrade
     * @param questions   what a person must decide, as sentences
     * @param snapshot    the declared schema after it, written as its {@code snapshot()}, or {@code null}
     * @return the source of the class {@code R<id>}
     */
    public static String source(String javaPackage, String id, String message, List<String> parents,
                                List<SchemaChange> changes, List<String> questions,
                                io.retort.schema.model.@Nullable SchemaModel snapshot) {
        Objects.requireNonNull(id, "id");
        StringBuilder out = new StringBuilder();
        if (!javaPackage.isEmpty()) {
            out.append("package ").append(javaPackage).append(";\n\n");
        }
        out.append("import io.retort.migrate.Operations;\n")
                .append("import io.retort.migrate.Revision;\n")
                .append("import io.retort.schema.ReferentialAction;\n")
                .append("import io.retort.schema.change.SchemaChange;\n")
                .append("import io.retort.schema.model.EnumTypeModel;\n")
                .append("import io.retort.schema.model.IndexModel;\n")
                .append("import io.retort.schema.model.SchemaModel;\n")
                .append("import io.retort.schema.model.SequenceModel;\n\n")
                .append("import java.util.List;\n\n")
                .append("import static io.retort.migrate.Operations.column;\n")
                .append("import static io.retort.migrate.Operations.table;\n\n")
                .append("/** ").append(message.replace("*/", "* /")).append(" */\n")
                .append("public final class ").append(className(id)).append(" extends Revision {\n")
                .append("    public ").append(className(id)).append("() {\n")
                .append("        super(").append(literal(id)).append(", ").append(literal(message));
        for (String p : parents) {
            out.append(", ").append(literal(p));
        }
        out.append(");\n    }\n\n    @Override\n    public void upgrade(Operations op) {\n");
        for (String q : questions) {
            out.append("        // TO DECIDE: ").append(q.replace("\n", " ")).append('\n');
        }
        for (SchemaChange c : changes) {
            out.append(call(c));
        }
        out.append("    }\n\n    @Override\n    public void downgrade(Operations op) {\n");
        List<SchemaChange> reversed = new ArrayList<>(changes);
        java.util.Collections.reverse(reversed);
        for (SchemaChange c : reversed) {
            SchemaChange undo = c.reverse();
            out.append(undo == null ? "        // cannot be undone by the database: " + c.describe() + "\n" : call(undo));
        }
        out.append("    }\n");
        if (snapshot != null) {
            out.append("\n    /** The schema as declared when this revision was written, for offline autogenerate. */\n")
                    .append("    @Override\n    public SchemaModel snapshot() {\n        return new SchemaModel(List.of(");
            for (int i = 0; i < snapshot.tables().size(); i++) {
                out.append(i > 0 ? "," : "").append("\n                ").append(table(snapshot.tables().get(i)))
                        .append(".model()");
            }
            out.append("),\n                List.of(");
            for (int i = 0; i < snapshot.sequences().size(); i++) {
                io.retort.schema.model.SequenceModel q = snapshot.sequences().get(i);
                out.append(i > 0 ? ", " : "").append("new SequenceModel(").append(literalOrNull(q.schema())).append(", ")
                        .append(literal(q.name())).append(", ").append(q.start()).append("L, ").append(q.increment())
                        .append("L)");
            }
            out.append("),\n                List.of(");
            for (int i = 0; i < snapshot.enumTypes().size(); i++) {
                io.retort.schema.model.EnumTypeModel e = snapshot.enumTypes().get(i);
                out.append(i > 0 ? ", " : "").append("new EnumTypeModel(").append(literal(e.name())).append(", List.of(")
                        .append(strings(e.values(), false)).append("))");
            }
            out.append("));\n    }\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * @param id a revision's id
     * @return the name of its class
     */
    public static String className(String id) {
        return "R" + id;
    }

    private static String call(SchemaChange change) {
        return "        " + statement(change) + "\n";
    }

    private static String statement(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable c) {
            return "op.createTable(" + table(c.table()) + ");";
        }
        if (change instanceof SchemaChange.DropTable c) {
            return "op.dropTable(" + name(c.table().schema(), c.table().name()) + ");";
        }
        if (change instanceof SchemaChange.AddColumn c) {
            return "op.addColumn(" + name(c.schema(), c.table()) + ", " + column(c.column()) + ");";
        }
        if (change instanceof SchemaChange.DropColumn c) {
            return "op.dropColumn(" + name(c.schema(), c.table()) + ", " + literal(c.column().name()) + ");";
        }
        if (change instanceof SchemaChange.AlterColumn c) {
            return "op.alterColumn(" + name(c.schema(), c.table()) + ",\n                " + column(c.from())
                    + ",\n                " + column(c.to()) + ");";
        }
        if (change instanceof SchemaChange.RenameColumn c) {
            return "op.renameColumn(" + name(c.schema(), c.table()) + ", " + literal(c.from()) + ", " + literal(c.to()) + ");";
        }
        if (change instanceof SchemaChange.CreateIndex c && c.index().where() == null) {
            return "op.createIndex(" + name(c.schema(), c.table()) + ", " + literal(c.index().name()) + ", "
                    + c.index().unique() + strings(c.index().columns(), true) + ");";
        }
        if (change instanceof SchemaChange.CreateIndex c) {
            IndexModel ix = c.index();
            return "op.change(new SchemaChange.CreateIndex(" + literalOrNull(c.schema()) + ", " + literal(c.table())
                    + ", new IndexModel(" + literal(ix.name()) + ", List.of(" + strings(ix.columns(), false) + "), "
                    + ix.unique() + ", " + literalOrNull(ix.where()) + ")));";
        }
        if (change instanceof SchemaChange.DropIndex c) {
            return "op.dropIndex(" + name(c.schema(), c.table()) + ", " + literal(c.index().name()) + ");";
        }
        if (change instanceof SchemaChange.AddForeignKey c) {
            ForeignKeyModel k = c.key();
            return "op.addForeignKey(" + name(c.schema(), c.table()) + ", " + literal(k.name()) + ", List.of("
                    + strings(k.columns(), false) + "), " + name(k.referencedSchema(), k.referencedTable()) + ", List.of("
                    + strings(k.referencedColumns(), false) + "), ReferentialAction." + k.onDelete().name()
                    + ", ReferentialAction." + k.onUpdate().name() + ");";
        }
        if (change instanceof SchemaChange.DropForeignKey c) {
            return "op.dropConstraint(" + name(c.schema(), c.table()) + ", " + literal(c.key().name()) + ");";
        }
        if (change instanceof SchemaChange.AddUnique c) {
            return "op.addUnique(" + name(c.schema(), c.table()) + ", " + literal(c.constraint().name())
                    + strings(c.constraint().columns(), true) + ");";
        }
        if (change instanceof SchemaChange.DropUnique c) {
            return "op.dropConstraint(" + name(c.schema(), c.table()) + ", " + literal(c.constraint().name()) + ");";
        }
        if (change instanceof SchemaChange.AddCheck c) {
            return "op.addCheck(" + name(c.schema(), c.table()) + ", " + literal(c.constraint().name()) + ", "
                    + literal(c.constraint().condition()) + ");";
        }
        if (change instanceof SchemaChange.DropCheck c) {
            return "op.dropConstraint(" + name(c.schema(), c.table()) + ", " + literal(c.constraint().name()) + ");";
        }
        if (change instanceof SchemaChange.AddPrimaryKey c) {
            return "op.addPrimaryKey(" + name(c.schema(), c.table()) + ", " + literal(c.key().name() == null
                    ? "pk_" + c.table() : c.key().name()) + strings(c.key().columns(), true) + ");";
        }
        if (change instanceof SchemaChange.DropPrimaryKey c) {
            return "op.dropConstraint(" + name(c.schema(), c.table()) + ", " + literal(c.key().name() == null
                    ? "pk_" + c.table() : c.key().name()) + ");";
        }
        if (change instanceof SchemaChange.CreateSequence c) {
            return "op.createSequence(" + name(c.sequence().schema(), c.sequence().name()) + ", " + c.sequence().start()
                    + "L, " + c.sequence().increment() + "L);";
        }
        if (change instanceof SchemaChange.DropSequence c) {
            return "op.dropSequence(" + name(c.sequence().schema(), c.sequence().name()) + ");";
        }
        if (change instanceof SchemaChange.CreateEnumType c) {
            return "op.createEnumType(" + literal(c.type().name()) + strings(c.type().values(), true) + ");";
        }
        if (change instanceof SchemaChange.DropEnumType c) {
            return "op.dropEnumType(" + literal(c.type().name()) + ");";
        }
        if (change instanceof SchemaChange.AddEnumValue c) {
            return "op.addEnumValue(" + literal(c.type()) + ", " + literal(c.value()) + ", " + literalOrNull(c.before()) + ");";
        }
        if (change instanceof SchemaChange.ExecuteSql c) {
            return "op.execute(" + literal(c.sql()) + ");";
        }
        return "// " + change.describe();
    }

    private static String table(TableModel t) {
        StringBuilder sb = new StringBuilder("table(").append(name(t.schema(), t.name())).append(")");
        String indent = "\n                ";
        for (ColumnModel c : t.columns()) {
            sb.append(indent).append(".column(").append(column(c)).append(")");
        }
        if (t.primaryKey() != null) {
            sb.append(indent).append(".primaryKey(").append(literal(t.primaryKey().name() == null ? "pk_" + t.name()
                    : t.primaryKey().name())).append(strings(t.primaryKey().columns(), true)).append(")");
        }
        for (UniqueModel u : t.uniques()) {
            sb.append(indent).append(".unique(").append(literal(u.name())).append(strings(u.columns(), true)).append(")");
        }
        for (CheckModel ck : t.checks()) {
            sb.append(indent).append(".check(").append(literal(ck.name())).append(", ").append(literal(ck.condition()))
                    .append(")");
        }
        for (ForeignKeyModel k : t.foreignKeys()) {
            sb.append(indent).append(".foreignKey(").append(literal(k.name())).append(", List.of(")
                    .append(strings(k.columns(), false)).append("), ").append(name(k.referencedSchema(), k.referencedTable()))
                    .append(", List.of(").append(strings(k.referencedColumns(), false)).append("), ReferentialAction.")
                    .append(k.onDelete().name()).append(", ReferentialAction.").append(k.onUpdate().name()).append(")");
        }
        for (IndexModel ix : t.indexes()) {
            sb.append(indent).append(".index(").append(literal(ix.name())).append(", ").append(ix.unique()).append(", ")
                    .append(literalOrNull(ix.where())).append(strings(ix.columns(), true)).append(")");
        }
        if (t.comment() != null) {
            sb.append(indent).append(".comment(").append(literal(t.comment())).append(")");
        }
        return sb.toString();
    }

    private static String column(ColumnModel c) {
        StringBuilder sb = new StringBuilder("column(").append(literal(c.name())).append(", ").append(literal(c.type()))
                .append(")");
        if (!c.nullable()) {
            sb.append(".notNull()");
        }
        if (c.identity()) {
            sb.append(".generatedAsIdentity()");
        } else if (c.serverDefault() != null) {
            sb.append(".withDefault(").append(literal(c.serverDefault())).append(")");
        }
        if (c.comment() != null) {
            sb.append(".withComment(").append(literal(c.comment())).append(")");
        }
        return sb.toString();
    }

    private static String name(@Nullable String schema, String name) {
        return literal(schema == null ? name : schema + "." + name);
    }

    private static String strings(List<String> values, boolean leadingComma) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i > 0 || leadingComma ? ", " : "").append(literal(values.get(i)));
        }
        return sb.toString();
    }

    private static String literalOrNull(@Nullable String value) {
        return value == null ? "null" : literal(value);
    }

    /** @return a Java string literal */
    static String literal(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
