package io.retort.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads annotation values from their mirrors, which works for annotations of classes compiled earlier too and tells
 * an explicit value from a default one; the processor never loads the annotation classes themselves.
 */
final class Mirrors {
    private final Elements elements;

    Mirrors(Elements elements) {
        this.elements = elements;
    }

    /** @param element an element @param annotation an annotation's class @return its mirror there, or {@code null} */
    static AnnotationMirror find(Element element, Class<?> annotation) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation.getCanonicalName())) {
                return m;
            }
        }
        return null;
    }

    /** @param mirror an annotation @param member a member @return the value given explicitly, or {@code null} */
    static AnnotationValue explicit(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        return null;
    }

    private AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("No member [" + member + "] in " + mirror);
    }

    String string(AnnotationMirror mirror, String member) {
        return (String) value(mirror, member).getValue();
    }

    int integer(AnnotationMirror mirror, String member) {
        return (Integer) value(mirror, member).getValue();
    }

    boolean bool(AnnotationMirror mirror, String member) {
        return (Boolean) value(mirror, member).getValue();
    }

    /** @return the enum constant's name */
    String enumConstant(AnnotationMirror mirror, String member) {
        return ((VariableElement) value(mirror, member).getValue()).getSimpleName().toString();
    }

    /** @return the enum constants' names */
    List<String> enumConstants(AnnotationMirror mirror, String member) {
        List<String> out = new ArrayList<>();
        for (Object v : (List<?>) value(mirror, member).getValue()) {
            out.add(((VariableElement) ((AnnotationValue) v).getValue()).getSimpleName().toString());
        }
        return out;
    }
}
