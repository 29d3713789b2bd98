package org.metrolims.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and feature boundaries hold in the production code of every module ({@link BoundaryRules}; app's test
 * classpath sees them all). Analysed: the {@code org.metrolims} classes of every module's main output, without tests,
 * test-support jars or the generated jOOQ classes.
 */
class ArchitectureTest {

    private static final BoundaryRules RULES = new BoundaryRules("org.metrolims");
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .withImportOption(location -> !location.contains("/org/metrolims/db/jooq/"))
            .importPackages("org.metrolims");
    }

    @Test
    void domainModulesUseNoWebServletOrSecurityApi() {
        RULES.domainModulesUseNoWebOrSecurityApi().check(production);
    }

    @Test
    void jooqIsUsedOnlyInRepositoriesAndTheDbModule() {
        RULES.jooqOnlyInRepositoriesAndDb().check(production);
    }

    @Test
    void aRepositoryIsUsedOnlyInsideItsOwnFeaturePackage() {
        RULES.repositoriesUsedOnlyInTheirOwnFeature().check(production);
    }

    @Test
    void anInternalPackageIsUsedOnlyByItsParentPackage() {
        RULES.internalPackagesUsedOnlyByTheirParent().check(production);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        RULES.noCyclesBetweenFeatures().check(production);
    }

    @Test
    void theMathsUsesNeitherSpringNorJooq() {
        RULES.mathsUsesNeitherSpringNorJooq().check(production);
    }
}
