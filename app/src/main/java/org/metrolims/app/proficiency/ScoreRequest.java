package org.metrolims.app.proficiency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.scoring.AssignedValueSpec;
import org.metrolims.proficiency.scoring.ScoreCalculator;
import org.metrolims.proficiency.scoring.SigmaPtSpec;
import org.metrolims.proficiency.statistics.AssignedValue;
import org.metrolims.proficiency.statistics.LabResult;

/**
 * The body of {@code POST /api/pt/score}:
 * {@code {"results":[{"lab":"L01","value":10.1,"u":0.05}], "assignedValue":{"method":"algorithm-a"} |
 * {"method":"reference","value":10,"u":0.01}, "sigmaPt":{"method":"robust"} | {"value":0.1}}}. Without
 * assignedValue the consensus by Algorithm A is taken, without sigmaPt the robust SD.
 */
record ScoreRequest(List<LabValue> results, AssignedValueChoice assignedValue, SigmaPtChoice sigmaPt) {

    /** Most results one request scores: far more labs than any PT round has (ISO/IEC 17043 rounds have tens). */
    static final int MAX_RESULTS = 10_000;

    /** One lab's result; u is its standard uncertainty, optional. */
    record LabValue(String lab, Double value, Double u) {
    }

    /** "algorithm-a", or "reference" with value and u. */
    record AssignedValueChoice(String method, Double value, Double u) {
    }

    /** "robust", or a value. */
    record SigmaPtChoice(String method, Double value) {
    }

    /** The results checked field by field: every failure names results[i].lab / .value / .u. */
    List<LabResult> labResults() {
        if (results == null || results.isEmpty()) {
            throw new PtInputException("results", "at least one result is required");
        }
        if (results.size() > MAX_RESULTS) {
            throw new PtInputException("results", "at most " + MAX_RESULTS + " results, got " + results.size());
        }
        List<LabResult> labs = new ArrayList<>(results.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            LabValue r = results.get(i);
            String at = "results[" + i + "]";
            if (r == null) {
                throw new PtInputException(at, "is missing");
            }
            if (r.lab() == null || r.lab().isBlank()) {
                throw new PtInputException(at + ".lab", "is required");
            }
            Integer before = seen.putIfAbsent(r.lab(), i);
            if (before != null) {
                throw new PtInputException(at + ".lab", "lab code " + r.lab() + " appears twice, at results["
                        + before + "] and " + at);
            }
            if (r.value() == null) {
                throw new PtInputException(at + ".value", "is required");
            }
            if (!Double.isFinite(r.value())) {
                throw new PtInputException(at + ".value", "must be a finite number, got " + r.value());
            }
            if (r.u() != null && !(Double.isFinite(r.u()) && r.u() >= 0)) {
                throw new PtInputException(at + ".u", "must be a finite number not below zero, got " + r.u());
            }
            labs.add(ScoreCalculator.labResult(r.lab(), r.value(), r.u(), null));
        }
        return labs;
    }

    AssignedValueSpec assignedValueSpec() {
        return assignedValueSpec(assignedValue);
    }

    SigmaPtSpec sigmaPtSpec() {
        return sigmaPtSpec(sigmaPt);
    }

    static AssignedValueSpec assignedValueSpec(AssignedValueChoice choice) {
        String method = choice == null || choice.method() == null ? "algorithm-a"
                : choice.method().toLowerCase(Locale.ROOT);
        return switch (method) {
            case "algorithm-a" -> new AssignedValueSpec.Consensus();
            case "reference" -> {
                if (choice.value() == null || !Double.isFinite(choice.value())) {
                    throw new PtInputException("assignedValue.value", "a finite reference value is required");
                }
                if (choice.u() == null || !Double.isFinite(choice.u()) || choice.u() < 0) {
                    throw new PtInputException("assignedValue.u",
                            "the standard uncertainty of the reference value is required, finite and not negative");
                }
                yield new AssignedValueSpec.Independent(AssignedValue.Method.REFERENCE_VALUE, choice.value(),
                        choice.u());
            }
            default -> throw new PtInputException("assignedValue.method",
                    "must be algorithm-a or reference, got " + choice.method());
        };
    }

    static SigmaPtSpec sigmaPtSpec(SigmaPtChoice choice) {
        if (choice == null || choice.value() == null) {
            if (choice != null && choice.method() != null && !"robust".equalsIgnoreCase(choice.method())) {
                throw new PtInputException("sigmaPt.method", "must be robust, or give a value");
            }
            return new SigmaPtSpec.Robust();
        }
        if (!Double.isFinite(choice.value()) || choice.value() <= 0) {
            throw new PtInputException("sigmaPt.value", "must be a finite number above zero, got " + choice.value());
        }
        return new SigmaPtSpec.Fixed(choice.value());
    }
}
