package io.retort.jdbc;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.retort.architecture.DialectSeamRules;
import org.junit.jupiter.api.Test;

/** Only this adapter's driver profiles know which database they talk to. */
class DialectSeamTest {
    @Test
    void adapterNamesNoConcreteDialectOutsideItsProfiles() {
        DialectSeamRules.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.retort.jdbc"));
    }
}
