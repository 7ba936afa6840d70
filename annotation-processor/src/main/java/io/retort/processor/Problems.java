package io.retort.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports compile errors at the element (and annotation value) they are about, and remembers whether there were any. */
final class Problems {
    private final Messager messager;
    private int errors;

    Problems(Messager messager) {
        this.messager = messager;
    }

    void error(Element at, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, at);
    }

    void error(Element at, AnnotationMirror annotation, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, at, annotation);
    }

    void error(Element at, AnnotationMirror annotation, AnnotationValue value, String message) {
        errors++;
        if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, at, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, at, annotation, value);
        }
    }

    /**
     * Counts a failure whose cause is reported at another element (a reference to an entity that has errors of its
     * own), so the entity is not generated but the user reads only the cause.
     */
    void derived() {
        errors++;
    }

    /** @return how many failures were counted so far, reported or derived */
    int count() {
        return errors;
    }
}
