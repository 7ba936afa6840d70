package io.retort.processor;

import io.retort.exception.InvalidIdentifierException;
import io.retort.orm.annotation.Column;
import io.retort.orm.annotation.Entity;
import io.retort.orm.annotation.Enumerated;
import io.retort.orm.annotation.Id;
import io.retort.orm.annotation.ManyToOne;
import io.retort.orm.annotation.OneToMany;
import io.retort.orm.annotation.Version;
import io.retort.processor.EntityModel.ColumnKind;
import io.retort.processor.EntityModel.ColumnModel;
import io.retort.processor.EntityModel.ForeignKeyTarget;
import io.retort.processor.EntityModel.ManyToOneModel;
import io.retort.processor.EntityModel.OneToManyModel;
import io.retort.schema.Identifiers;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link Entity} class into an {@link EntityModel}, reporting every mistake at the element it is about,
 * with what to change. Related entities are read only as far as the reference needs (their table and key).
 */
final class EntityReader {
    private final Types types;
    private final Mirrors mirrors;
    private final TypeMapping mapping;
    private final Problems problems;

    EntityReader(ProcessingEnvironment env, Problems problems) {
        this.types = env.getTypeUtils();
        this.mirrors = new Mirrors(env.getElementUtils());
        this.mapping = new TypeMapping(mirrors);
        this.problems = problems;
    }

    /**
     * What other tables need to know of an entity to refer to it.
     *
     * @param type          the entity class
     * @param entity        how it is written
     * @param table         its table class
     * @param tableName     its table's name
     * @param tableConstant its table's shared instance
     * @param id            its {@link Id} field, or {@code null}
     */
    record EntityRef(TypeElement type, TypeRef entity, TypeRef table, String tableName, String tableConstant, VariableElement id) {
    }

    /** @param type a class @return what a reference to it needs, or {@code null} when it is not an {@link Entity} */
    EntityRef ref(TypeElement type) {
        AnnotationMirror entity = Mirrors.find(type, Entity.class);
        if (entity == null) {
            return null;
        }
        String tableName = mirrors.string(entity, "table");
        if (tableName.isEmpty()) {
            tableName = Names.snakeCase(type.getSimpleName().toString());
        }
        TypeRef entityRef = TypeMapping.ref(type);
        TypeRef table = new TypeRef(entityRef.packageName(), entityRef.path().replace(".", "") + "Table");
        VariableElement id = null;
        for (VariableElement f : mappedFields(type)) {
            if (Mirrors.find(f, Id.class) != null) {
                id = f;
                break;
            }
        }
        return new EntityRef(type, entityRef, table, tableName, Names.tableConstant(tableName), id);
    }

    /** @param type an {@link Entity} class @return its model, or {@code null} after reporting what is wrong */
    EntityModel read(TypeElement type) {
        int before = problems.count();
        AnnotationMirror entityMirror = Mirrors.find(type, Entity.class);
        EntityRef self = ref(type);
        checkClass(type, self);
        String schema = mirrors.string(entityMirror, "schema");
        checkIdentifier(type, entityMirror, "table", self.tableName(), "table");
        if (!schema.isEmpty()) {
            checkIdentifier(type, entityMirror, "schema", schema, "schema");
        }

        List<ColumnModel> columns = new ArrayList<>();
        List<ManyToOneModel> manyToOnes = new ArrayList<>();
        List<OneToManyModel> oneToManys = new ArrayList<>();
        Set<TypeElement> related = new LinkedHashSet<>();
        Map<String, VariableElement> fkFieldsByColumn = new HashMap<>();
        List<VariableElement> manyToOneFields = new ArrayList<>();
        VariableElement id = null;
        VariableElement version = null;

        for (VariableElement field : mappedFields(type)) {
            AnnotationMirror m2o = Mirrors.find(field, ManyToOne.class);
            AnnotationMirror o2m = Mirrors.find(field, OneToMany.class);
            if (m2o != null && o2m != null) {
                problems.error(field, o2m, describe(field) + " has both @ManyToOne and @OneToMany: keep the one that matches its type");
                continue;
            }
            if (m2o != null) {
                manyToOneFields.add(field);
                continue;
            }
            if (o2m != null) {
                OneToManyModel model = oneToMany(type, field, o2m, related);
                if (model != null) {
                    oneToManys.add(model);
                }
                continue;
            }
            boolean isId = Mirrors.find(field, Id.class) != null;
            boolean isVersion = Mirrors.find(field, Version.class) != null;
            if (isId) {
                if (id != null) {
                    problems.error(field, Mirrors.find(field, Id.class), describe(field) + " is a second @Id, but "
                            + describe(id) + " already is the primary key: Retort maps single-column keys; keep one @Id");
                    continue;
                }
                id = field;
            }
            if (isVersion) {
                version = versionField(field, version, isId);
            }
            ColumnModel column = column(type, field, isId, isVersion);
            if (column != null) {
                columns.add(column);
                fkFieldsByColumn.put(column.columnName(), field);
            }
        }
        if (id == null) {
            problems.error(type, entityMirror, "@Entity " + type.getSimpleName() + " has no @Id field: annotate its primary key, "
                    + "as in `@Id private Long id;` (with getId/setId)");
        }
        for (VariableElement field : manyToOneFields) {
            ManyToOneModel model = manyToOne(type, field, Mirrors.find(field, ManyToOne.class), columns, related);
            if (model != null) {
                manyToOnes.add(model);
            }
        }
        checkNames(type, self, columns, manyToOnes, oneToManys);
        if (problems.count() > before) {
            return null;
        }
        return new EntityModel(type, self.entity(), self.table(), schema.isEmpty() ? null : schema, self.tableName(),
                self.tableConstant(), columns, manyToOnes, oneToManys, related);
    }

    // ---- the class ---------------------------------------------------------------------------

    private void checkClass(TypeElement type, EntityRef self) {
        String name = type.getSimpleName().toString();
        if (type.getKind() != ElementKind.CLASS) {
            problems.error(type, "@Entity " + name + " is a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                    + ": an entity is a mutable class with a getter and a setter per field");
            return;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            problems.error(type, "@Entity " + name + " is abstract: the generated " + self.table().simpleName()
                    + " creates instances of it; make it concrete");
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            problems.error(type, "@Entity " + name + " is private: the generated " + self.table().simpleName()
                    + " cannot refer to it; make it package-private or public");
        }
        if (type.getNestingKind() != NestingKind.TOP_LEVEL && !type.getModifiers().contains(Modifier.STATIC)) {
            problems.error(type, "@Entity " + name + " is an inner class: make it static (or top-level) so that "
                    + self.table().simpleName() + " can create instances with " + name + "::new");
        }
        if (!type.getTypeParameters().isEmpty()) {
            problems.error(type, "@Entity " + name + " is generic: an entity class maps one table; remove its type parameters");
        }
        boolean noArg = false;
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
                noArg = true;
            }
        }
        if (!noArg) {
            problems.error(type, "@Entity " + name + " has no no-arg constructor that " + self.table().simpleName()
                    + " can call: add `public " + name + "() {}` (the session creates empty objects and sets their fields)");
        }
    }

    private void checkIdentifier(Element at, AnnotationMirror annotation, String member, String name, String what) {
        try {
            Identifiers.check(name, what);
        } catch (InvalidIdentifierException e) {
            problems.error(at, annotation, Mirrors.explicit(annotation, member), e.getMessage());
        }
    }

    // ---- columns -----------------------------------------------------------------------------

    private VariableElement versionField(VariableElement field, VariableElement previous, boolean isId) {
        AnnotationMirror mirror = Mirrors.find(field, Version.class);
        if (previous != null) {
            problems.error(field, mirror, describe(field) + " is a second @Version, after " + describe(previous) + "; keep one");
        } else if (isId) {
            problems.error(field, mirror, describe(field) + " is both @Id and @Version: the version is a column of its own");
        } else if (!isType(field.asType(), "java.lang.Integer")) {
            problems.error(field, mirror, describe(field) + " is a @Version of type " + field.asType()
                    + ": a version is an Integer (null until the first insert sets it to 1)");
        }
        return field;
    }

    private ColumnModel column(TypeElement type, VariableElement field, boolean isId, boolean isVersion) {
        AnnotationMirror column = Mirrors.find(field, Column.class);
        AnnotationMirror enumerated = Mirrors.find(field, Enumerated.class);
        TypeMirror fieldType = field.asType();
        String fieldName = field.getSimpleName().toString();

        if (isList(fieldType)) {
            problems.error(field, describe(field) + " is a " + fieldType + " without a relationship: annotate it with "
                    + "@OneToMany(mappedBy = \"<the child's @ManyToOne field>\"), or make it transient to leave it unmapped");
            return null;
        }
        if (fieldType.getKind() == TypeKind.DECLARED && ref((TypeElement) types.asElement(fieldType)) != null) {
            problems.error(field, describe(field) + " refers to the entity " + types.asElement(fieldType).getSimpleName()
                    + " without a relationship: annotate it with @ManyToOne (and map its foreign key as a field, such as "
                    + "`private Long " + fieldName + "Id;`)");
            return null;
        }
        String nativeEnum = null;
        if (enumerated != null) {
            nativeEnum = mirrors.string(enumerated, "nativeType");
            if (types.asElement(fieldType) == null || types.asElement(fieldType).getKind() != ElementKind.ENUM) {
                problems.error(field, enumerated, describe(field) + " is a " + fieldType + ", not an enum: remove @Enumerated");
                return null;
            }
            if (nativeEnum.isEmpty()) {
                nativeEnum = null;
            } else {
                checkIdentifier(field, enumerated, "nativeType", nativeEnum, "enum type");
            }
        }
        TypeMapping.Mapped mapped = mapping.map(fieldType, column, nativeEnum);
        if (mapped == null) {
            problems.error(field, describe(field) + " has the type " + fieldType + ", which has no column mapping: use one of "
                    + TypeMapping.SUPPORTED + "; make the field transient to leave it unmapped, or declare the table by hand "
                    + "with a converted(...) type");
            return null;
        }
        if (mapped.primitive() && (isId || isVersion)) {
            problems.error(field, describe(field) + " is a primitive " + fieldType + ", but an "
                    + (isId ? "@Id" : "@Version") + " is null until the row is inserted: use " + mapped.javaType().simpleName());
            return null;
        }
        if (mapped.primitive() && column != null && Mirrors.explicit(column, "nullable") != null
                && mirrors.bool(column, "nullable")) {
            problems.error(field, column, Mirrors.explicit(column, "nullable"), describe(field) + " is a primitive " + fieldType
                    + " and cannot hold NULL: use " + mapped.javaType().simpleName() + " for a nullable column");
            return null;
        }
        String columnName = column == null || mirrors.string(column, "name").isEmpty()
                ? Names.snakeCase(fieldName) : mirrors.string(column, "name");
        if (column != null) {
            checkIdentifier(field, column, "name", columnName, "column");
        }
        String getter = getter(type, field);
        String setter = setter(type, field);
        if (getter == null || setter == null) {
            return null;
        }

        ColumnKind kind = ColumnKind.COLUMN;
        List<String> options = new ArrayList<>();
        if (isId) {
            boolean identity = mirrors.enumConstant(Mirrors.find(field, Id.class), "generation").equals("IDENTITY");
            if (identity && isType(fieldType, "java.lang.Long")) {
                kind = ColumnKind.LONG_IDENTITY_ID;
            } else {
                options.add("primaryKey()");
                if (identity) {
                    if (!isType(fieldType, "java.lang.Integer") && !isType(fieldType, "java.lang.Short")) {
                        problems.error(field, Mirrors.find(field, Id.class), describe(field) + " is a " + fieldType
                                + " @Id generated by the database, which only integer keys can be: use Long, or "
                                + "@Id(generation = Id.Generation.NONE) and set the key before adding the object");
                        return null;
                    }
                    options.add("identity()");
                }
            }
        } else if (isVersion) {
            kind = ColumnKind.VERSION;
        } else {
            if (mapped.primitive() || column != null && !mirrors.bool(column, "nullable")) {
                options.add("notNull()");
            }
            if (column != null && mirrors.bool(column, "unique")) {
                options.add("unique()");
            }
            if (column != null && mirrors.bool(column, "index")) {
                options.add("indexed()");
            }
        }
        return new ColumnModel(fieldName, Names.constant(fieldName), columnName, kind, mapped.javaType(), mapped.sqlType(),
                getter, setter, options, null);
    }

    // ---- relationships -----------------------------------------------------------------------

    private ManyToOneModel manyToOne(TypeElement type, VariableElement field, AnnotationMirror annotation,
                                     List<ColumnModel> columns, Set<TypeElement> related) {
        TypeMirror fieldType = field.asType();
        EntityRef target = fieldType.getKind() == TypeKind.DECLARED ? ref((TypeElement) types.asElement(fieldType)) : null;
        if (target == null) {
            problems.error(field, annotation, describe(field) + " is a @ManyToOne to " + fieldType
                    + ", which is not an @Entity: its type must be the parent entity class");
            return null;
        }
        String fieldName = field.getSimpleName().toString();
        AnnotationValue explicitFk = Mirrors.explicit(annotation, "foreignKey");
        String fkName = mirrors.string(annotation, "foreignKey");
        if (fkName.isEmpty()) {
            fkName = Names.snakeCase(fieldName) + "_id";
        }
        if (target.id() == null) {
            problems.derived(); // the target's own "has no @Id" error says what to fix
            return null;
        }
        int index = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).columnName().equals(fkName)) {
                index = i;
            }
        }
        String idType = target.id().asType().getKind().isPrimitive()
                ? types.boxedClass((javax.lang.model.type.PrimitiveType) target.id().asType()).getSimpleName().toString()
                : types.asElement(target.id().asType()).getSimpleName().toString();
        if (index < 0) {
            problems.error(field, annotation, explicitFk, describe(field) + " needs its foreign-key column [" + fkName
                    + "] mapped by a field of " + type.getSimpleName() + ": add `private " + idType + " "
                    + javaName(fkName) + ";` with its getter and setter (the session keeps the parent's key there), "
                    + "or set @ManyToOne(foreignKey = ...) to the column of an existing field");
            return null;
        }
        ColumnModel fk = columns.get(index);
        if (!fk.javaType().simpleName().equals(idType)) {
            problems.error(field, annotation, explicitFk, describe(field) + " uses the column [" + fkName + "] as its foreign key, "
                    + "but that field is a " + fk.javaType().simpleName() + " while " + target.type().getSimpleName()
                    + "'s @Id is a " + idType + ": make them the same type");
            return null;
        }
        columns.set(index, fk.withReference(new ForeignKeyTarget(target.table(), target.tableConstant(),
                Names.constant(target.id().getSimpleName().toString()))));
        String getter = getter(type, field);
        String setter = setter(type, field);
        if (getter == null || setter == null) {
            return null;
        }
        if (!target.type().equals(type)) {
            related.add(target.type());
        }
        return new ManyToOneModel(fieldName, Names.constant(fieldName), fk.constant(), target.entity(), target.table(),
                target.tableConstant(), getter, setter);
    }

    private OneToManyModel oneToMany(TypeElement type, VariableElement field, AnnotationMirror annotation,
                                     Set<TypeElement> related) {
        TypeMirror fieldType = field.asType();
        List<? extends TypeMirror> args = isList(fieldType) ? ((DeclaredType) fieldType).getTypeArguments() : List.of();
        EntityRef child = args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED
                ? ref((TypeElement) types.asElement(args.get(0))) : null;
        if (child == null) {
            problems.error(field, annotation, describe(field) + " is a @OneToMany of type " + fieldType
                    + ": declare it as java.util.List<Child> where Child is an @Entity");
            return null;
        }
        String mappedBy = mirrors.string(annotation, "mappedBy");
        AnnotationValue mappedByValue = Mirrors.explicit(annotation, "mappedBy");
        VariableElement back = null;
        for (VariableElement f : mappedFields(child.type())) {
            if (f.getSimpleName().contentEquals(mappedBy)) {
                back = f;
            }
        }
        String childName = child.type().getSimpleName().toString();
        if (back == null || Mirrors.find(back, ManyToOne.class) == null) {
            List<String> candidates = new ArrayList<>();
            for (VariableElement f : mappedFields(child.type())) {
                if (Mirrors.find(f, ManyToOne.class) != null && types.isSameType(f.asType(), type.asType())) {
                    candidates.add(f.getSimpleName().toString());
                }
            }
            problems.error(field, annotation, mappedByValue, describe(field) + " is mapped by [" + mappedBy + "], but "
                    + childName + (back == null ? " has no such field" : "." + mappedBy + " is not a @ManyToOne") + ": "
                    + (candidates.isEmpty() ? "add `@ManyToOne private " + type.getSimpleName() + " " + mappedBy + ";` to " + childName
                    : "name its @ManyToOne to " + type.getSimpleName() + ", " + String.join(" or ", candidates)));
            return null;
        }
        if (!types.isSameType(back.asType(), type.asType())) {
            problems.error(field, annotation, mappedByValue, describe(field) + " is mapped by " + childName + "." + mappedBy
                    + ", which refers to " + back.asType() + ", not to " + type.getSimpleName()
                    + ": name a @ManyToOne of " + childName + " whose type is " + type.getSimpleName());
            return null;
        }
        String getter = getter(type, field);
        String setter = setter(type, field);
        if (getter == null || setter == null) {
            return null;
        }
        if (!child.type().equals(type)) {
            related.add(child.type());
        }
        String fieldName = field.getSimpleName().toString();
        return new OneToManyModel(fieldName, Names.constant(fieldName), child.entity(), child.table(), child.tableConstant(),
                Names.constant(mappedBy), getter, setter, mirrors.enumConstant(annotation, "lazy"),
                mirrors.enumConstants(annotation, "cascade"));
    }

    private void checkNames(TypeElement type, EntityRef self, List<ColumnModel> columns, List<ManyToOneModel> manyToOnes,
                            List<OneToManyModel> oneToManys) {
        Map<String, String> constants = new HashMap<>();
        constants.put(self.tableConstant(), "the table's shared instance");
        Map<String, String> columnNames = new HashMap<>();
        List<String[]> all = new ArrayList<>();
        columns.forEach(c -> all.add(new String[]{c.fieldName(), c.constant()}));
        manyToOnes.forEach(m -> all.add(new String[]{m.fieldName(), m.constant()}));
        oneToManys.forEach(o -> all.add(new String[]{o.fieldName(), o.constant()}));
        for (String[] f : all) {
            String previous = constants.putIfAbsent(f[1], "the field " + f[0]);
            if (previous != null) {
                problems.error(fieldNamed(type, f[0]), "The generated " + self.table().simpleName() + " would declare "
                        + f[1] + " for both " + previous + " and the field " + f[0] + ": rename one"
                        + (previous.startsWith("the table") ? " (or the table)" : ""));
            }
        }
        for (ColumnModel c : columns) {
            String previous = columnNames.putIfAbsent(c.columnName(), c.fieldName());
            if (previous != null) {
                problems.error(fieldNamed(type, c.fieldName()), type.getSimpleName() + "." + previous + " and "
                        + c.fieldName() + " both map to the column [" + c.columnName() + "]: give one another @Column(name = ...)");
            }
        }
    }

    // ---- accessors ---------------------------------------------------------------------------

    private String getter(TypeElement type, VariableElement field) {
        String cap = Names.capitalize(field.getSimpleName().toString());
        TypeMirror t = field.asType();
        boolean bool = t.getKind() == TypeKind.BOOLEAN || isType(t, "java.lang.Boolean");
        for (ExecutableElement m : methods(type)) {
            String n = m.getSimpleName().toString();
            if ((n.equals("get" + cap) || bool && n.equals("is" + cap)) && m.getParameters().isEmpty()
                    && types.isSameType(m.getReturnType(), t)) {
                return n;
            }
        }
        problems.error(field, describe(field) + " has no getter that the generated table can call: add `public " + t + " "
                + (t.getKind() == TypeKind.BOOLEAN ? "is" : "get") + cap + "()`, or make the field transient to leave it unmapped");
        return null;
    }

    private String setter(TypeElement type, VariableElement field) {
        String cap = Names.capitalize(field.getSimpleName().toString());
        TypeMirror t = field.asType();
        for (ExecutableElement m : methods(type)) {
            if (m.getSimpleName().contentEquals("set" + cap) && m.getParameters().size() == 1
                    && types.isSameType(m.getParameters().get(0).asType(), t)) {
                return m.getSimpleName().toString();
            }
        }
        problems.error(field, describe(field) + " has no setter that the generated table can call: add `public void set" + cap
                + "(" + t + " " + field.getSimpleName() + ")`, or make the field transient to leave it unmapped");
        return null;
    }

    /** The non-private instance methods of a class and its superclasses. */
    private List<ExecutableElement> methods(TypeElement type) {
        List<ExecutableElement> out = new ArrayList<>();
        for (TypeElement t = type; t != null; t = superclass(t)) {
            for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
                if (!m.getModifiers().contains(Modifier.PRIVATE) && !m.getModifiers().contains(Modifier.STATIC)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private TypeElement superclass(TypeElement t) {
        TypeMirror s = t.getSuperclass();
        return s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The fields an entity maps: its own instance fields that are not transient. */
    static List<VariableElement> mappedFields(TypeElement type) {
        List<VariableElement> out = new ArrayList<>();
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (!f.getModifiers().contains(Modifier.STATIC) && !f.getModifiers().contains(Modifier.TRANSIENT)) {
                out.add(f);
            }
        }
        return out;
    }

    private static Element fieldNamed(TypeElement type, String name) {
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (f.getSimpleName().contentEquals(name)) {
                return f;
            }
        }
        return type;
    }

    private boolean isList(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals("java.util.List");
    }

    private boolean isType(TypeMirror t, String qualifiedName) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
    }

    private static String describe(VariableElement field) {
        return field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
    }

    /** @param column a snake_case column name @return the camelCase field name that maps to it */
    private static String javaName(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = out.length() > 0;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }
}
