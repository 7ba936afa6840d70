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

    /** @return how many errors were reported so far */
    int count() {
        return errors;
    }
}
