package org.metrolims.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each boundary rule bites: the very rule objects that {@link ArchitectureTest} checks, pointed at the
 * deliberately-violating fixture classes under {@code org.metrolims.archfixture}, report exactly the offenders and
 * leave their allowed counterparts alone.
 */
class BoundaryRulesBiteTest {

    private static final String FIXTURES = "org.metrolims.archfixture";
    private static final BoundaryRules RULES = new BoundaryRules(FIXTURES);
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    @Test
    void reportsADomainClassThatUsesTheWebOrServletApi() {
        String report = violations(RULES.domainModulesUseNoWebOrSecurityApi());

        assertThat(report).contains("LeakyController", "org.springframework.http.ResponseEntity",
                "jakarta.servlet.http.HttpServletRequest", FIXTURES + ".demo.DemoWriter",
                "org.springframework.security.crypto.password.PasswordEncoder");
        // LeakyRepository appears in DemoWriter's signature, but nothing of its own is reported
        assertThat(report).doesNotContain("LeakyService", "<" + FIXTURES + ".calibration.leaky.LeakyRepository");
    }

    @Test
    void reportsJooqOutsideARepositoryButNotInARepository() {
        String report = violations(RULES.jooqOnlyInRepositoriesAndDb());

        assertThat(report).contains(FIXTURES + ".calibration.leaky.LeakyService", "QueryingModel",
                FIXTURES + ".demo.DemoWriter");
        assertThat(report).doesNotContain("<" + FIXTURES + ".calibration.leaky.LeakyRepository.");
    }

    @Test
    void reportsARepositoryCalledFromAnotherFeaturePackageEvenByTheDemoButNotFromItsOwnPackage() {
        String report = violations(RULES.repositoriesUsedOnlyInTheirOwnFeature());

        assertThat(report).contains(FIXTURES + ".calibration.other.Intruder", FIXTURES + ".demo.DemoWriter");
        assertThat(report).doesNotContain("LeakyService", "DemoLoader");
    }

    @Test
    void reportsAnInternalPackageUsedFromOutsideItsParentButNotFromWithin() {
        String report = violations(RULES.internalPackagesUsedOnlyByTheirParent());

        assertThat(report).contains(FIXTURES + ".app.web.CodesPage", FIXTURES + ".calibration.internal.SharedCodes",
                FIXTURES + ".calibration.instrument.InstrumentChecks",
                FIXTURES + ".calibration.standard.internal.StandardSerials");
        // the module's internal package is every calibration feature's; the standard feature's own is its alone
        assertThat(report).doesNotContain("<" + FIXTURES + ".calibration.standard.Registry",
                "<" + FIXTURES + ".calibration.instrument.InstrumentChecks.check(java.lang.String)> calls method <"
                        + FIXTURES + ".calibration.internal.SharedCodes");
    }

    @Test
    void reportsACycleBetweenTwoFeaturePackages() {
        String report = violations(RULES.noCyclesBetweenFeatures());

        assertThat(report).contains("Cycle detected", "proficiency.alpha", "proficiency.beta");
        assertThat(report).doesNotContain("calibration.other");
    }

    @Test
    void reportsMathsThatUsesSpringOrJooqButNotTheIntervalEntryPoint() {
        String report = violations(RULES.mathsUsesNeitherSpringNorJooq());

        assertThat(report).contains("SpringyBudget", "org.springframework.util.Assert", "QueryingModel", "org.jooq");
        assertThat(report).doesNotContain("IntervalAnalyses");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as("rule reports the fixtures: %s", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
