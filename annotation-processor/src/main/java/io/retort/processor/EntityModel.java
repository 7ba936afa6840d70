package io.retort.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Set;

/**
 * Everything needed to write one entity's table class, checked and resolved: no further look-ups while writing.
 *
 * @param element       the entity class
 * @param entity        the entity as the table class writes it
 * @param table         the table class to write
 * @param schema        the schema, or {@code null}
 * @param tableName     the table's name
 * @param tableConstant the name of the table's shared instance
 * @param columns       the mapped columns, in field order
 * @param manyToOnes    the references to parents, in field order
 * @param oneToManys    the collections of children, in field order
 * @param related       the other entities the table refers to, so a build tool knows what the file depends on
 */
record EntityModel(TypeElement element, TypeRef entity, TypeRef table, String schema, String tableName, String tableConstant,
                   List<ColumnModel> columns, List<ManyToOneModel> manyToOnes, List<OneToManyModel> oneToManys,
                   Set<TypeElement> related) {

    /** How a column is declared in the table class. */
    enum ColumnKind {
        /** {@code id(name, getter, setter)}: a {@code Long} identity primary key. */
        LONG_IDENTITY_ID,
        /** {@code version(name, getter, setter)}. */
        VERSION,
        /** {@code column(name, type, getter, setter, options...)}. */
        COLUMN
    }

    /**
     * A reference of a foreign-key column: {@code references(() -> UserTable.USERS.ID)}.
     *
     * @param table         the referenced table class
     * @param tableConstant its shared instance
     * @param columnConstant the referenced column's field
     */
    record ForeignKeyTarget(TypeRef table, String tableConstant, String columnConstant) {
    }

    /**
     * One mapped column.
     *
     * @param fieldName  the entity's field
     * @param constant   the table class's field
     * @param columnName the column's name
     * @param kind       how it is declared
     * @param javaType   its Java type (boxed)
     * @param sqlType    its SQL type (unused for {@link ColumnKind#LONG_IDENTITY_ID} and {@link ColumnKind#VERSION})
     * @param getter     the getter's name
     * @param setter     the setter's name
     * @param options    the column options besides the reference, as source text ({@code notNull()})
     * @param references the foreign-key reference, or {@code null}
     */
    record ColumnModel(String fieldName, String constant, String columnName, ColumnKind kind, TypeRef javaType,
                       SqlType sqlType, String getter, String setter, List<String> options, ForeignKeyTarget references) {
        ColumnModel {
            options = List.copyOf(options);
        }

        /** @param target the referenced column @return this column with {@code references(...)} */
        ColumnModel withReference(ForeignKeyTarget target) {
            return new ColumnModel(fieldName, constant, columnName, kind, javaType, sqlType, getter, setter, options, target);
        }
    }

    /**
     * A reference to a parent: {@code manyToOne("user", USER_ID, () -> UserTable.USERS, Address::getUser, Address::setUser)}.
     *
     * @param fieldName     the entity's field
     * @param constant      the table class's field
     * @param fkConstant    the foreign-key column's field
     * @param target        the parent entity
     * @param targetTable   the parent's table class
     * @param targetConstant the parent table's shared instance
     * @param getter        the getter's name
     * @param setter        the setter's name
     */
    record ManyToOneModel(String fieldName, String constant, String fkConstant, TypeRef target, TypeRef targetTable,
                          String targetConstant, String getter, String setter) {
    }

    /**
     * A collection of children: {@code oneToMany("addresses", () -> AddressTable.ADDRESSES.USER, ...)}.
     *
     * @param fieldName         the entity's field
     * @param constant          the table class's field
     * @param child             the child entity
     * @param childTable        the child's table class
     * @param childTableConstant the child table's shared instance
     * @param backConstant      the child table's many-to-one field
     * @param getter            the getter's name
     * @param setter            the setter's name
     * @param strategy          the {@code LoadStrategy} constant
     * @param cascades          the {@code Cascade} constants
     */
    record OneToManyModel(String fieldName, String constant, TypeRef child, TypeRef childTable, String childTableConstant,
                          String backConstant, String getter, String setter, String strategy, List<String> cascades) {
        OneToManyModel {
            cascades = List.copyOf(cascades);
        }
    }

    EntityModel {
        columns = List.copyOf(columns);
        manyToOnes = List.copyOf(manyToOnes);
        oneToManys = List.copyOf(oneToManys);
        related = Set.copyOf(related);
    }
}
