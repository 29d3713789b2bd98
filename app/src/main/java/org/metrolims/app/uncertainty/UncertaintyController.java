package org.metrolims.app.uncertainty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.uncertainty.BudgetLine;
import org.metrolims.calibration.uncertainty.Correlation;
import org.metrolims.calibration.uncertainty.CoverageFactor;
import org.metrolims.calibration.uncertainty.Distribution;
import org.metrolims.calibration.uncertainty.EvaluatedUncertainty;
import org.metrolims.calibration.uncertainty.ReportedResult;
import org.metrolims.calibration.uncertainty.TypeAEvaluation;
import org.metrolims.calibration.uncertainty.UncertaintyBudget;
import org.metrolims.calibration.uncertainty.UncertaintyComponent;
import org.metrolims.calibration.uncertainty.UncertaintyInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stateless GUM calculator: a budget in, u_c, ν_eff, k and U out (JCGM 100:2008, maths in
 * {@link UncertaintyBudget}). Any signed-in user may call it; nothing is stored. Every problem in
 * the components and correlations is reported at once, each naming its field.
 */
@RestController
@RequestMapping("/api/uncertainty")
@Tag(name = "Uncertainty", description = "GUM uncertainty budgets (JCGM 100:2008)")
class UncertaintyController {

    @PostMapping("/evaluate")
    @Operation(summary = "Evaluate an uncertainty budget: combined and expanded uncertainty, ν_eff, k, budget lines")
    EvaluationResponse evaluate(@RequestBody EvaluationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<EvaluationRequest.Component> given = request.components() == null ? List.of() : request.components();
        if (given.isEmpty()) {
            problems.add(new FieldProblem("components", "a budget needs at least one component"));
        }
        // the caps come first, so that an oversized budget costs nothing beyond reading it
        List<EvaluationRequest.CorrelationEntry> pairs = request.correlations() == null ? List.of() : request.correlations();
        if (given.size() > UncertaintyBudget.MAX_COMPONENTS) {
            problems.add(new FieldProblem("components", "a budget has at most " + UncertaintyBudget.MAX_COMPONENTS
                    + " components, got " + given.size()));
        }
        if (pairs.size() > UncertaintyBudget.MAX_CORRELATIONS) {
            problems.add(new FieldProblem("correlations", "a budget has at most " + UncertaintyBudget.MAX_CORRELATIONS
                    + " correlations, got " + pairs.size()));
        }
        for (int i = 0; i < given.size() && problems.isEmpty(); i++) {
            if (given.get(i) != null && given.get(i).values() != null
                    && given.get(i).values().length > TypeAEvaluation.MAX_VALUES) {
                problems.add(new FieldProblem("components[" + i + "].values", "a Type A component takes at most "
                        + TypeAEvaluation.MAX_VALUES + " values, got " + given.get(i).values().length));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBudgetException(problems);
        }
        List<UncertaintyComponent> components = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "components[" + i + "]";
            try {
                components.add(component(given.get(i)));
            } catch (UncertaintyInputException e) {
                problems.add(new FieldProblem(path + "." + e.input(), e.getMessage()));
            } catch (FieldRejected e) {
                problems.add(new FieldProblem(path + (e.field.isEmpty() ? "" : "." + e.field), e.getMessage()));
            }
        }
        List<Correlation> correlations = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            EvaluationRequest.CorrelationEntry c = pairs.get(k);
            String path = "correlations[" + k + "]";
            if (c == null || c.r() == null) {
                problems.add(new FieldProblem(path + ".r", "a correlation needs its coefficient r"));
                continue;
            }
            try {
                correlations.add(new Correlation(c.a(), c.b(), c.r()));
            } catch (UncertaintyInputException e) {
                problems.add(new FieldProblem(path + "." + e.input(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBudgetException(problems);
        }
        double p = request.coverageProbability() == null ? CoverageFactor.DEFAULT_PROBABILITY : request.coverageProbability();
        // budget-level checks (names, pairs, positive semi-definiteness) name their own paths
        EvaluatedUncertainty result = new UncertaintyBudget(components, correlations, p).evaluate();
        return response(result, request.value());
    }

    private static UncertaintyComponent component(EvaluationRequest.Component c) {
        if (c == null) {
            throw new FieldRejected("", "a component cannot be null");
        }
        if (c.name() == null || c.name().isBlank()) {
            throw new FieldRejected("name", "a component needs a name");
        }
        String type = c.type() == null ? "" : c.type().strip().toUpperCase(Locale.ROOT);
        UncertaintyComponent component = switch (type) {
            case "A" -> typeA(c);
            case "B" -> typeB(c);
            default -> throw new FieldRejected("type", "'" + c.type() + "' is not one of [A, B]");
        };
        if (c.sensitivity() != null) {
            component = component.withSensitivity(c.sensitivity());
        }
        if (c.dof() != null) {
            component = component.withDegreesOfFreedom(c.dof());
        }
        return component;
    }

    private static UncertaintyComponent typeA(EvaluationRequest.Component c) {
        String stray = c.standardUncertainty() != null ? "standardUncertainty"
                : c.halfWidth() != null ? "halfWidth"
                : c.expandedUncertainty() != null ? "expandedUncertainty"
                : c.coverageFactor() != null ? "coverageFactor"
                : c.distribution() != null ? "distribution"
                : c.dof() != null ? "dof" : null;
        if (stray != null) {
            throw new FieldRejected(stray, "a Type A component is evaluated from its values only"
                    + (stray.equals("dof") ? " (ν = n − 1)" : ""));
        }
        return UncertaintyComponent.typeA(c.name(), c.values());
    }

    private static UncertaintyComponent typeB(EvaluationRequest.Component c) {
        if (c.values() != null) {
            throw new FieldRejected("values", "readings make a Type A component; this one is Type B");
        }
        Distribution distribution = c.distribution() == null ? null : Distribution.ofCode(c.distribution());
        int given = (c.standardUncertainty() != null ? 1 : 0) + (c.halfWidth() != null ? 1 : 0)
                + (c.expandedUncertainty() != null ? 1 : 0);
        if (given != 1) {
            throw new FieldRejected(given == 0 ? "standardUncertainty" : "halfWidth",
                    "give exactly one of standardUncertainty, halfWidth, or expandedUncertainty with coverageFactor");
        }
        if (c.expandedUncertainty() == null && c.coverageFactor() != null) {
            throw new FieldRejected("coverageFactor", "a coverage factor goes with an expandedUncertainty");
        }
        if (c.standardUncertainty() != null) {
            UncertaintyComponent u = UncertaintyComponent.standard(c.name(), c.standardUncertainty());
            return distribution == null ? u : new UncertaintyComponent(u.name(), u.type(), distribution,
                    u.standardUncertainty(), u.sensitivity(), u.degreesOfFreedom(), null);
        }
        if (c.halfWidth() != null) {
            if (distribution == null) {
                throw new FieldRejected("distribution", "a half-width needs a distribution: rectangular, triangular or u-shaped");
            }
            return UncertaintyComponent.limits(c.name(), distribution, c.halfWidth());
        }
        if (distribution != null && distribution != Distribution.NORMAL) {
            throw new FieldRejected("distribution", "an expanded uncertainty with a coverage factor assumes a normal distribution");
        }
        if (c.coverageFactor() == null) {
            throw new FieldRejected("coverageFactor", "an expanded uncertainty needs its coverage factor");
        }
        return UncertaintyComponent.normal(c.name(), c.expandedUncertainty(), c.coverageFactor());
    }

    private static EvaluationResponse response(EvaluatedUncertainty r, Double value) {
        List<EvaluationResponse.Line> lines = r.lines().stream().map(UncertaintyController::line).toList();
        ReportedResult rounded = ReportedResult.of(value == null ? 0 : value, r.expandedUncertainty(),
                r.coverageFactor(), r.coverageProbability());
        EvaluationResponse.Reported reported = new EvaluationResponse.Reported(value == null ? null : rounded.value(),
                rounded.expandedUncertainty(), rounded.coverageFactor(), rounded.coverageProbability());
        return new EvaluationResponse(r.combinedStandardUncertainty(), finiteOrNull(r.effectiveDegreesOfFreedom()),
                finiteOrNull(r.degreesOfFreedomUsed()), r.coverageProbability(), r.coverageFactor(),
                r.expandedUncertainty(), r.correlated(), lines, reported);
    }

    private static EvaluationResponse.Line line(BudgetLine l) {
        return new EvaluationResponse.Line(l.name(), l.type().name(),
                l.distribution() == null ? null : l.distribution().code(), l.standardUncertainty(), l.sensitivity(),
                l.contribution(), l.varianceShare(), finiteOrNull(l.degreesOfFreedom()));
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** A request field rejected before the maths sees it. */
    private static final class FieldRejected extends RuntimeException {
        final String field;

        FieldRejected(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
