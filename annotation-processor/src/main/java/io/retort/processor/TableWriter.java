package io.retort.processor;

import io.retort.processor.EntityModel.ColumnModel;
import io.retort.processor.EntityModel.ManyToOneModel;
import io.retort.processor.EntityModel.OneToManyModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the source of an entity's table class, laid out the way the hand-written tables are: the shared instance,
 * the columns in field order, the relationships, the private constructor.
 */
final class TableWriter {
    private static final String SQL_TYPES = "io.retort.type.SqlTypes";
    private static final String ORM = "io.retort.orm.";
    /** Longer declarations continue on the next line, as a person would wrap them. */
    private static final int MAX_LINE = 120;
    private static final String CONTINUATION = "            ";

    private TableWriter() {
    }

    /** @param model a checked entity @return the Java source of its table class */
    static String write(EntityModel model) {
        String pkg = model.table().packageName();
        String tableClass = model.table().path();
        Imports imports = new Imports(pkg, tableClass);
        Set<String> fieldNames = new HashSet<>();
        model.columns().forEach(c -> fieldNames.add(c.constant()));
        model.manyToOnes().forEach(m -> fieldNames.add(m.constant()));
        model.oneToManys().forEach(o -> fieldNames.add(o.constant()));
        fieldNames.add(model.tableConstant());

        String entity = model.entity().render(imports);
        StringBuilder body = new StringBuilder();
        body.append("    public static final ").append(tableClass).append(' ').append(model.tableConstant())
                .append(" = new ").append(tableClass).append("();\n\n");
        String entityColumn = imports.ref(ORM + "EntityColumn");
        imports.ref(ORM + "EntityTable");
        for (ColumnModel c : model.columns()) {
            body.append("    public final ").append(entityColumn).append('<').append(entity).append(", ")
                    .append(c.javaType().render(imports)).append("> ").append(c.constant()).append(" = ");
            String accessors = entity + "::" + c.getter() + ", " + entity + "::" + c.setter();
            switch (c.kind()) {
                case LONG_IDENTITY_ID -> body.append("id(").append(Names.literal(c.columnName())).append(", ").append(accessors);
                case VERSION -> body.append("version(").append(Names.literal(c.columnName())).append(", ").append(accessors);
                case COLUMN -> {
                    body.append("column(").append(Names.literal(c.columnName())).append(", ")
                            .append(sqlType(c.sqlType(), imports, fieldNames)).append(", ");
                    List<String> options = new ArrayList<>(c.options());
                    if (c.references() != null) {
                        options.add("references(() -> " + c.references().table().render(imports) + '.'
                                + c.references().tableConstant() + '.' + c.references().columnConstant() + ')');
                    }
                    appendWrapped(body, accessors, options);
                }
            }
            body.append(");\n");
        }
        for (ManyToOneModel m : model.manyToOnes()) {
            String target = m.target().render(imports);
            body.append("    public final ").append(imports.ref(ORM + "ManyToOne")).append('<').append(entity).append(", ")
                    .append(target).append("> ").append(m.constant()).append(" = manyToOne(")
                    .append(Names.literal(m.fieldName())).append(", ").append(m.fkConstant()).append(", () -> ")
                    .append(m.targetTable().render(imports)).append('.').append(m.targetConstant()).append(",\n" + CONTINUATION)
                    .append(entity).append("::").append(m.getter()).append(", ").append(entity).append("::").append(m.setter())
                    .append(");\n");
        }
        for (OneToManyModel o : model.oneToManys()) {
            String child = o.child().render(imports);
            body.append("    public final ").append(imports.ref(ORM + "OneToMany")).append('<').append(entity).append(", ")
                    .append(child).append("> ").append(o.constant()).append(" = oneToMany(")
                    .append(Names.literal(o.fieldName())).append(", () -> ").append(o.childTable().render(imports)).append('.')
                    .append(o.childTableConstant()).append('.').append(o.backConstant()).append(",\n" + CONTINUATION)
                    .append(entity).append("::").append(o.getter()).append(", ").append(entity).append("::").append(o.setter())
                    .append(", ").append(imports.ref(ORM + "LoadStrategy")).append('.').append(o.strategy());
            for (String cascade : o.cascades()) {
                body.append(", ").append(imports.ref(ORM + "Cascade")).append('.').append(cascade);
            }
            body.append(");\n");
        }
        body.append("\n    private ").append(tableClass).append("() {\n        super(");
        if (model.schema() != null) {
            body.append(Names.literal(model.schema())).append(", ");
        }
        body.append(Names.literal(model.tableName())).append(", ").append(entity).append(".class, ").append(entity)
                .append("::new);\n    }\n}\n");

        StringBuilder out = new StringBuilder();
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n\n");
        }
        String importLines = imports.render();
        if (!importLines.isEmpty()) {
            out.append(importLines).append('\n');
        }
        out.append("/**\n * Maps {@link ").append(entity).append("} to the table [")
                .append(model.schema() == null ? "" : model.schema() + ".").append(model.tableName()).append("].\n")
                .append(" * Written by the Retort annotation processor from the entity's annotations; edit those, not this file.\n */\n")
                .append("public final class ").append(tableClass).append(" extends ")
                .append(imports.ref(ORM + "EntityTable")).append('<').append(entity).append("> {\n").append(body);
        return out.toString();
    }

    /**
     * Ends a {@code column(...)} declaration with its accessors and options, continuing on a second line the part
     * that would make the line longer than {@link #MAX_LINE}: the options, or the accessors and options.
     */
    private static void appendWrapped(StringBuilder body, String accessors, List<String> options) {
        String tail = options.isEmpty() ? "" : ", " + String.join(", ", options);
        int used = body.length() - (body.lastIndexOf("\n") + 1);
        if (used + accessors.length() + tail.length() + 2 <= MAX_LINE) {
            body.append(accessors).append(tail);
        } else if (used + accessors.length() + 1 <= MAX_LINE && !options.isEmpty()) {
            body.append(accessors).append(",\n" + CONTINUATION).append(tail.substring(2));
        } else {
            body.setLength(body.length() - 1); // the space after the type's comma
            body.append('\n').append(CONTINUATION).append(accessors).append(tail);
        }
    }

    /**
     * A {@code SqlTypes} member, statically imported unless a field of the generated class has the same name
     * (a column named {@code date} would otherwise shadow {@code DATE}).
     */
    private static String sqlType(SqlType type, Imports imports, Set<String> fieldNames) {
        String member;
        if (fieldNames.contains(type.member())) {
            member = imports.ref(SQL_TYPES) + "." + type.member();
        } else {
            imports.addStatic(SQL_TYPES + "." + type.member());
            member = type.member();
        }
        if (!type.call()) {
            return member;
        }
        StringBuilder out = new StringBuilder(member).append('(');
        for (int i = 0; i < type.args().size(); i++) {
            Object arg = type.args().get(i);
            out.append(i == 0 ? "" : ", ").append(arg instanceof TypeRef ref ? ref.render(imports) + ".class" : arg);
        }
        return out.append(')').toString();
    }
}
