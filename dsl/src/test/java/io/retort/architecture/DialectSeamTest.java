package io.retort.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DSL module keeps database knowledge in its dialects; the rule is shown to bite. */
class DialectSeamTest {
    @Test
    void dslNamesNoConcreteDialectOutsideTheDialectPackages() {
        DialectSeamRules.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.retort"));
    }

    /** A class that compares against a dialect constant, as code must not. */
    static final class ComparesDialects {
        static boolean isPostgres(Dialect d) {
            return d == Dialects.POSTGRES;
        }
    }

    @Test
    void theRuleFindsADialectComparison() {
        assertThatThrownBy(() -> DialectSeamRules.check(new ClassFileImporter().importClasses(ComparesDialects.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Dialects.POSTGRES");
    }

    @Test
    void theShippedDialectsAreRegisteredAndFoundByUrlAndProduct() {
        assertThat(Dialects.registered()).contains(Dialects.H2, Dialects.POSTGRES);
        assertThat(Dialects.forUrlScheme("postgres")).contains(Dialects.POSTGRES);
        assertThat(Dialects.forUrlScheme("h2")).contains(Dialects.H2);
        assertThat(Dialects.forProductName("PostgreSQL")).isSameAs(Dialects.POSTGRES);
        assertThat(Dialects.byId("h2")).contains(Dialects.H2);
        assertThat(Dialects.forUrlScheme("mysql")).isEmpty();
    }
}
