package io.retort.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statement nodes are built only through the DSL ({@code Sql.select(...)}, {@code insertInto(...)}, fluent calls):
 * no public constructor, and no record (whose canonical constructor is always public), so a clause can be added to a
 * statement without breaking anyone's code.
 */
class StatementNodesTest {
    @Test
    void statementNodesHaveNoPublicConstructor() {
        List<JavaClass> nodes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.retort.statement").stream()
                .filter(c -> c.getPackageName().equals("io.retort.statement"))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.isInterface() && !c.isEnum())
                .filter(c -> c.getEnclosingClass().isEmpty())
                .toList();
        assertThat(nodes).extracting(JavaClass::getSimpleName).contains("Select", "Insert", "Update", "Delete");
        for (JavaClass node : nodes) {
            assertThat(node.isRecord()).as(node.getSimpleName() + " is a record").isFalse();
            assertThat(node.getConstructors()).as(node.getSimpleName() + " has a public constructor")
                    .noneMatch(c -> c.getModifiers().contains(JavaModifier.PUBLIC));
        }
    }
}
