package io.retort.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Packages follow a statement's path (type, expression, schema, statement, compile, dialect, ddl) and
 * import only from earlier stages; the DSL core never does I/O.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.retort");
    }

    private static void noImports(String stage, String... later) {
        noClasses().that().resideInAPackage("io.retort." + stage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(later)
                .because(stage + " comes before " + String.join(", ", later) + " in the data flow")
                .check(classes);
    }

    @Test
    void typesKnowNothingLater() {
        noImports("type", "io.retort.expression..", "io.retort.schema..", "io.retort.statement..", "io.retort.compile..",
                "io.retort.dialect..", "io.retort.ddl..");
    }

    @Test
    void expressionsKnowNoTablesStatementsOrCompiler() {
        noImports("expression", "io.retort.schema..", "io.retort.statement..", "io.retort.compile..", "io.retort.dialect..",
                "io.retort.ddl..");
    }

    @Test
    void schemaKnowsNoStatementsOrCompiler() {
        noImports("schema", "io.retort.statement..", "io.retort.compile..", "io.retort.dialect..", "io.retort.ddl..");
    }

    @Test
    void statementsKnowNoCompiler() {
        noImports("statement", "io.retort.compile..", "io.retort.dialect..", "io.retort.ddl..");
    }

    @Test
    void compilerKnowsNoConcreteDialectOrIo() {
        noImports("compile", "io.retort.dialect..", "io.retort.ddl..");
        noClasses().that().resideOutsideOfPackage("io.retort.ddl..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("only the DDL runner touches JDBC in the DSL module").check(classes);
    }
}
