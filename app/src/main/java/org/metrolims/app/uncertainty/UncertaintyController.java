package org.metrolims.app.uncertainty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.metrolims.db.failure.FieldError;
import org.metrolims.db.failure.InvalidInput;
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
        List<FieldError> problems = new ArrayList<>();
        List<EvaluationRequest.Component> given = request.components() == null ? List.of() : request.components();
        if (given.isEmpty()) {
            problems.add(FieldError.of("components", "a budget needs at least one component"));
        }
        // the caps come first, so that an oversized budget costs nothing beyond reading it
        List<EvaluationRequest.CorrelationEntry> pairs = request.correlations() == null ? List.of() : request.correlations();
        if (given.size() > UncertaintyBudget.MAX_COMPONENTS) {
            problems.add(FieldError.of("components", "a budget has at most " + UncertaintyBudget.MAX_COMPONENTS
                    + " components, got " + given.size()));
        }
        if (pairs.size() > UncertaintyBudget.MAX_CORRELATIONS) {
            problems.add(FieldError.of("correlations", "a budget has at most " + UncertaintyBudget.MAX_CORRELATIONS
                    + " correlations, got " + pairs.size()));
        }
        for (int i = 0; i < given.size() && problems.isEmpty(); i++) {
            if (given.get(i) != null && given.get(i).values() != null
                    && given.get(i).values().length > TypeAEvaluation.MAX_VALUES) {
                problems.add(FieldError.of("components[" + i + "].values", "a Type A component takes at most "
                        + TypeAEvaluation.MAX_VALUES + " values, got " + given.get(i).values().length));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<UncertaintyComponent> components = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "components[" + i + "]";
            try {
                components.add(component(given.get(i)));
            } catch (UncertaintyInputException e) {
                problems.add(new FieldError(path + "." + e.input(), e.message()));
            } catch (InvalidInput e) { // rejected here before the maths saw it
                problems.add(FieldError.of(path + (e.field().isEmpty() ? "" : "." + e.field()), e.getMessage()));
            }
        }
        List<Correlation> correlations = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            EvaluationRequest.CorrelationEntry c = pairs.get(k);
            String path = "correlations[" + k + "]";
            if (c == null || c.r() == null) {
                problems.add(FieldError.of(path + ".r", "a correlation needs its coefficient r"));
                continue;
            }
            try {
                correlations.add(new Correlation(c.a(), c.b(), c.r()));
            } catch (UncertaintyInputException e) {
                problems.add(new FieldError(path + "." + e.input(), e.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        double p = request.coverageProbability() == null ? CoverageFactor.DEFAULT_PROBABILITY : request.coverageProbability();
        // budget-level checks (names, pairs, positive semi-definiteness) name their own paths
        EvaluatedUncertainty result = new UncertaintyBudget(components, correlations, p).evaluate();
        return response(result, request.value());
    }

    private static UncertaintyComponent component(EvaluationRequest.Component c) {
        if (c == null) {
            throw new InvalidInput("", "a component cannot be null");
        }
        if (c.name() == null || c.name().isBlank()) {
            throw new InvalidInput("name", "a component needs a name");
        }
        String type = c.type() == null ? "" : c.type().strip().toUpperCase(Locale.ROOT);
        UncertaintyComponent component = switch (type) {
            case "A" -> typeA(c);
            case "B" -> typeB(c);
            default -> throw new InvalidInput("type", "'" + c.type() + "' is not one of [A, B]");
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
            throw new InvalidInput(stray, "a Type A component is evaluated from its values only"
                    + (stray.equals("dof") ? " (ν = n − 1)" : ""));
        }
        return UncertaintyComponent.typeA(c.name(), c.values());
    }

    private static UncertaintyComponent typeB(EvaluationRequest.Component c) {
        if (c.values() != null) {
            throw new InvalidInput("values", "readings make a Type A component; this one is Type B");
        }
        Distribution distribution = c.distribution() == null ? null : Distribution.ofCode(c.distribution());
        int given = (c.standardUncertainty() != null ? 1 : 0) + (c.halfWidth() != null ? 1 : 0)
                + (c.expandedUncertainty() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInput(given == 0 ? "standardUncertainty" : "halfWidth",
                    "give exactly one of standardUncertainty, halfWidth, or expandedUncertainty with coverageFactor");
        }
        if (c.expandedUncertainty() == null && c.coverageFactor() != null) {
            throw new InvalidInput("coverageFactor", "a coverage factor goes with an expandedUncertainty");
        }
        if (c.standardUncertainty() != null) {
            UncertaintyComponent u = UncertaintyComponent.standard(c.name(), c.standardUncertainty());
            return distribution == null ? u : new UncertaintyComponent(u.name(), u.type(), distribution,
                    u.standardUncertainty(), u.sensitivity(), u.degreesOfFreedom(), null);
        }
        if (c.halfWidth() != null) {
            if (distribution == null) {
                throw new InvalidInput("distribution", "a half-width needs a distribution: rectangular, triangular or u-shaped");
            }
            return UncertaintyComponent.limits(c.name(), distribution, c.halfWidth());
        }
        if (distribution != null && distribution != Distribution.NORMAL) {
            throw new InvalidInput("distribution", "an expanded uncertainty with a coverage factor assumes a normal distribution");
        }
        if (c.coverageFactor() == null) {
            throw new InvalidInput("coverageFactor", "an expanded uncertainty needs its coverage factor");
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
}
