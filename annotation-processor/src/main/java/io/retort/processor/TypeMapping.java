package io.retort.processor;

import io.retort.orm.annotation.Column;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.Map;

/**
 * Maps a field's Java type to the column's SQL type, the way a user picks one from {@code SqlTypes} by hand.
 * Primitive fields map to their boxed type (and to {@code NOT NULL} columns, decided by the reader).
 */
final class TypeMapping {
    /** Java types with a fixed SQL type: the {@code SqlTypes} constant. */
    private static final Map<String, String> CONSTANTS = Map.ofEntries(
            Map.entry("java.lang.Long", "BIGINT"),
            Map.entry("java.lang.Integer", "INTEGER"),
            Map.entry("java.lang.Short", "SMALLINT"),
            Map.entry("java.lang.Boolean", "BOOLEAN"),
            Map.entry("java.lang.Double", "DOUBLE"),
            Map.entry("java.lang.Float", "REAL"),
            Map.entry("java.time.LocalDate", "DATE"),
            Map.entry("java.time.LocalTime", "TIME"),
            Map.entry("java.time.LocalDateTime", "TIMESTAMP"),
            Map.entry("java.time.OffsetDateTime", "TIMESTAMPTZ"),
            Map.entry("java.util.UUID", "UUID"),
            Map.entry("io.retort.type.Json", "JSON"));

    /** The types listed in the message for an unsupported one. */
    static final String SUPPORTED = "Long, Integer, Short, Boolean, Double, Float (or their primitives), String, BigDecimal, "
            + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, UUID, byte[], io.retort.type.Json and enums";

    private final Mirrors mirrors;

    TypeMapping(Mirrors mirrors) {
        this.mirrors = mirrors;
    }

    /**
     * A field's Java and SQL types.
     *
     * @param javaType  the column's (boxed) Java type
     * @param sqlType   its SQL type
     * @param primitive whether the field is primitive
     */
    record Mapped(TypeRef javaType, SqlType sqlType, boolean primitive) {
    }

    /**
     * @param type       the field's type
     * @param column     its {@code @Column}, or {@code null}
     * @param nativeEnum the native enum type's name from {@code @Enumerated}, or {@code null}
     * @return the mapping, or {@code null} when the type is not supported
     */
    Mapped map(TypeMirror type, AnnotationMirror column, String nativeEnum) {
        switch (type.getKind()) {
            case LONG: return primitive("java.lang.Long", "BIGINT");
            case INT: return primitive("java.lang.Integer", "INTEGER");
            case SHORT: return primitive("java.lang.Short", "SMALLINT");
            case BOOLEAN: return primitive("java.lang.Boolean", "BOOLEAN");
            case DOUBLE: return primitive("java.lang.Double", "DOUBLE");
            case FLOAT: return primitive("java.lang.Float", "REAL");
            case ARRAY: {
                if (((ArrayType) type).getComponentType().getKind() != TypeKind.BYTE) {
                    return null;
                }
                AnnotationValue length = column == null ? null : Mirrors.explicit(column, "length");
                int n = length == null ? Column.UNLIMITED : (Integer) length.getValue();
                return new Mapped(TypeRef.verbatim("byte[]"),
                        n > 0 ? SqlType.call("binary", String.valueOf(n)) : SqlType.constant("BINARY"), false);
            }
            case DECLARED: {
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                String name = element.getQualifiedName().toString();
                if (element.getKind() == ElementKind.ENUM) {
                    TypeRef ref = ref(element);
                    return new Mapped(ref, nativeEnum == null ? SqlType.call("enumAsText", ref)
                            : SqlType.call("nativeEnum", ref, Names.literal(nativeEnum)), false);
                }
                if (name.equals("java.lang.String")) {
                    int length = column == null ? 255 : mirrors.integer(column, "length");
                    return new Mapped(TypeRef.of(name), length == Column.UNLIMITED ? SqlType.constant("TEXT")
                            : SqlType.call("varchar", String.valueOf(length)), false);
                }
                if (name.equals("java.math.BigDecimal")) {
                    int precision = column == null ? 19 : mirrors.integer(column, "precision");
                    int scale = column == null ? 2 : mirrors.integer(column, "scale");
                    return new Mapped(TypeRef.of(name),
                            SqlType.call("decimal", String.valueOf(precision), String.valueOf(scale)), false);
                }
                String constant = CONSTANTS.get(name);
                return constant == null ? null : new Mapped(TypeRef.of(name), SqlType.constant(constant), false);
            }
            default:
                return null;
        }
    }

    private static Mapped primitive(String boxed, String constant) {
        return new Mapped(TypeRef.of(boxed), SqlType.constant(constant), true);
    }

    /** @param element a class @return how generated code refers to it (nested classes through their top-level class) */
    static TypeRef ref(TypeElement element) {
        StringBuilder path = new StringBuilder(element.getSimpleName());
        javax.lang.model.element.Element e = element.getEnclosingElement();
        while (e.getKind().isClass() || e.getKind().isInterface()) {
            path.insert(0, e.getSimpleName() + ".");
            e = e.getEnclosingElement();
        }
        String pkg = e.getKind() == ElementKind.PACKAGE ? ((javax.lang.model.element.PackageElement) e).getQualifiedName().toString() : "";
        return new TypeRef(pkg, path.toString());
    }
}
