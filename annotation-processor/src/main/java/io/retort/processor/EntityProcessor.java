package io.retort.processor;

import io.retort.orm.annotation.Column;
import io.retort.orm.annotation.Entity;
import io.retort.orm.annotation.Enumerated;
import io.retort.orm.annotation.Id;
import io.retort.orm.annotation.ManyToOne;
import io.retort.orm.annotation.OneToMany;
import io.retort.orm.annotation.Version;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes, for each {@link Entity} class {@code com.x.User}, the table class {@code com.x.UserTable} a user would
 * otherwise write by hand: an {@link io.retort.orm.EntityTable} with one typed column per field, built on the
 * entity's getters and setters, and its relationships. Mistakes (no {@code @Id}, a missing accessor, an unsupported
 * type, a {@code mappedBy} naming no {@code @ManyToOne}, no no-arg constructor) are compile errors at the element.
 *
 * <p>Registered as a service, so javac finds it on the processor path; with Maven, list {@code retort-processor} in
 * the compiler plugin's {@code annotationProcessorPaths}.
 */
public final class EntityProcessor extends AbstractProcessor {

    /** Creates the processor; javac does, through the service registration. */
    public EntityProcessor() {
    }

    /** The field annotations, which only mean something inside an {@link Entity}. */
    private static final List<Class<? extends Annotation>> FIELD_ANNOTATIONS = List.of(Id.class, Column.class, Version.class,
            ManyToOne.class, OneToMany.class, Enumerated.class);

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new LinkedHashSet<>();
        names.add(Entity.class.getCanonicalName());
        FIELD_ANNOTATIONS.forEach(a -> names.add(a.getCanonicalName()));
        return names;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Problems problems = new Problems(processingEnv.getMessager());
        EntityReader reader = new EntityReader(processingEnv, problems);
        List<EntityModel> models = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(Entity.class)) {
            if (element instanceof TypeElement type) {
                EntityModel model = reader.read(type);
                if (model != null) {
                    models.add(model);
                }
            }
        }
        for (Class<? extends Annotation> annotation : FIELD_ANNOTATIONS) {
            for (Element field : round.getElementsAnnotatedWith(annotation)) {
                Element owner = field.getEnclosingElement();
                if (Mirrors.find(owner, Entity.class) == null) {
                    problems.error(field, "@" + annotation.getSimpleName() + " on " + owner.getSimpleName() + "."
                            + field.getSimpleName() + " has no effect: " + owner.getSimpleName()
                            + " is not an @Entity; annotate the class with @Entity(table = \"...\")");
                }
            }
        }
        for (EntityModel model : models) {
            write(model);
        }
        return true;
    }

    private void write(EntityModel model) {
        TypeRef table = model.table();
        String name = table.packageName().isEmpty() ? table.path() : table.packageName() + "." + table.path();
        List<Element> origins = new ArrayList<>();
        origins.add(model.element());
        origins.addAll(model.related());
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(name, origins.toArray(new Element[0]));
            try (Writer out = file.openWriter()) {
                out.write(TableWriter.write(model));
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write " + name + ": " + e.getMessage()
                    + " (is another class of that name in the sources?)", model.element());
        }
    }
}
