package io.retort.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dialect is the one home for what differs between databases, with a driver profile per adapter: no class
 * outside the dialect and profile packages names a concrete dialect. Shared by every module's architecture test.
 */
public final class DialectSeamRules {
    private static final String[] SEAM = {"io.retort.dialect..", "..profile.."};

    private DialectSeamRules() {
    }

    /** No access to {@code Dialects.H2}, {@code Dialects.POSTGRES} or any other shipped-dialect constant. */
    public static final ArchRule NO_DIALECT_CONSTANTS = noClasses().that().resideOutsideOfPackages(SEAM)
            .should().accessFieldWhere(DescribedPredicate.describe("a field of io.retort.dialect.Dialects",
                    (JavaFieldAccess access) -> access.getTargetOwner().getName().equals("io.retort.dialect.Dialects")))
            .because("code outside the dialect and the driver profiles asks the dialect for a capability or property, "
                    + "never which database it is");

    /** No dependency on a concrete dialect's package. */
    public static final ArchRule NO_CONCRETE_DIALECTS = noClasses().that().resideOutsideOfPackages(SEAM)
            .should().dependOnClassesThat().resideInAnyPackage("io.retort.dialect.h2..", "io.retort.dialect.postgres..",
                    "io.retort.dialect.mariadb..")
            .because("only the dialect registry knows the concrete dialects");

    /**
     * @param classes a module's main classes
     */
    public static void check(JavaClasses classes) {
        NO_DIALECT_CONSTANTS.check(classes);
        NO_CONCRETE_DIALECTS.check(classes);
    }
}
