package org.metrolims.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The module and feature boundaries of MetroLIMS as ArchUnit rules, written against a root package so that the
 * same rules check the production code ({@code org.metrolims}, in {@link ArchitectureTest}) and a small set of
 * deliberately-violating fixture classes (under {@code org.metrolims.archfixture}, in
 * {@code BoundaryRulesBiteTest}), which proves that each rule reports what it is meant to.
 */
final class BoundaryRules {

    /** jOOQ itself and the classes generated from the migrations (always the real generated package). */
    static final String[] JOOQ = {"org.jooq..", "org.metrolims.db.jooq.."};

    /** The web, servlet and security APIs a domain module must not know. */
    static final String[] WEB_APIS = {
        "org.springframework.web..", "jakarta.servlet..", "org.springframework.security..",
        "org.springframework.http.."};

    private final String root;

    BoundaryRules(String root) {
        this.root = root;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rules
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * db, calibration, proficiency, reports and the demo province (nested under app) are plain Java: no web, servlet
     * or security API.
     */
    ArchRule domainModulesUseNoWebOrSecurityApi() {
        return noClasses().that().resideInAnyPackage(domainModules())
            .should().dependOnClassesThat().resideInAnyPackage(WEB_APIS)
            .because("the domain modules hold records, services and repositories; the web and security live in app");
    }

    /** jOOQ (and the generated tables) only in {@code *Repository} classes, in db, and in app's jOOQ wiring. */
    ArchRule jooqOnlyInRepositoriesAndDb() {
        DescribedPredicate<JavaClass> allowed = describe("are repositories, in db or app's database wiring",
            c -> isRepository(c) || inPackage(c, root + ".db")
                || inPackage(c, root + ".app.database"));
        return noClasses().that().resideInAPackage(root + "..")
            .and(DescribedPredicate.not(allowed))
            .should().dependOnClassesThat().resideInAnyPackage(JOOQ)
            .because("jOOQ stays inside repositories, which return our records");
    }

    /** A repository is the private business of its feature: only classes of its own package use it. */
    ArchRule repositoriesUsedOnlyInTheirOwnFeature() {
        ArchCondition<JavaClass> onlyFromOwnPackage = new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency use : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = use.getOriginClass();
                    if (!user.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
        // the repository class itself; values nested in it (row records) are judged with the code that returns them
        return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("Repository")
            .should(onlyFromOwnPackage)
            .because("callers go through the feature's public entry point");
    }

    /**
     * No cycles between feature packages, in any module. A feature is {@code <module>.<feature>} with its
     * sub-packages; the classes directly in a module's root package form a slice of their own.
     */
    ArchRule noCyclesBetweenFeatures() {
        String prefix = root + ".";
        SliceAssignment features = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(prefix) || name.startsWith(root + ".db.jooq")) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(prefix.length()).split("\\.");
                return parts.length == 1 ? SliceIdentifier.of(parts[0] + " (module root)")
                    : SliceIdentifier.of(parts[0] + "." + parts[1]);
            }

            @Override
            public String getDescription() {
                return "feature packages " + prefix + "<module>.<feature>";
            }
        };
        return slices().assignedFrom(features).should().beFreeOfCycles();
    }

    /**
     * The maths is pure Java: GUM uncertainty, decision rules, ISO 13528 statistics and the interval models use neither
     * Spring nor jOOQ. The interval feature also holds its entry point and repository; everything else in it is maths.
     */
    ArchRule mathsUsesNeitherSpringNorJooq() {
        String interval = root + ".calibration.interval";
        DescribedPredicate<JavaClass> maths = describe(
            "are the maths (uncertainty, decision, statistics, interval models)",
            c -> {
                if (inPackage(c, interval)) {
                    return !isRepository(c) && !topLevel(c).getSimpleName().equals("IntervalAnalyses");
                }
                return inPackage(c, root + ".calibration.uncertainty") || inPackage(c, root + ".calibration.decision")
                    || inPackage(c, root + ".proficiency.statistics");
            });
        return noClasses().that(maths)
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "org.jooq..", "org.metrolims.db.jooq..")
            .because("the maths is pure functions, tested and benchmarked alone");
    }

    /**
     * An {@code internal} package is the private business of the package that holds it: only that parent package and
     * its sub-packages use it. {@code calibration.internal} serves the calibration features and nothing outside the
     * module; a {@code calibration.standard.internal} would serve the standard feature alone.
     */
    ArchRule internalPackagesUsedOnlyByTheirParent() {
        ArchCondition<JavaClass> onlyFromParent = new ArchCondition<>(
                "be used only from the package that holds their internal package, or its sub-packages") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String parent = parentOfInternal(internal.getPackageName());
                for (Dependency use : internal.getDirectDependenciesToSelf()) {
                    if (!inPackage(use.getOriginClass(), parent)) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
        return classes().that().resideInAPackage(root + "..internal..")
            .should(onlyFromParent)
            .because("what a module or feature keeps in internal is not its API; callers go through its entry point");
    }

    private String[] domainModules() {
        return new String[] {root + ".db..", root + ".calibration..", root + ".proficiency..", root + ".reports..",
            root + ".demo.."};
    }

    private static boolean isRepository(JavaClass c) {
        return topLevel(c).getSimpleName().endsWith("Repository");
    }

    /** The top-level class a nested, local or anonymous class belongs to. */
    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** {@code a.b.internal.c} → {@code a.b}: the package that holds the (first) {@code internal} package. */
    private static String parentOfInternal(String packageName) {
        int at = ("." + packageName + ".").indexOf(".internal.");
        return packageName.substring(0, at - 1);
    }

    /** In the package or one of its sub-packages. */
    private static boolean inPackage(JavaClass c, String pkg) {
        String name = c.getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }
}
