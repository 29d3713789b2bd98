package org.metrolims.app.proficiency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.metrolims.app.proficiency.ScoreRequest.AssignedValueChoice;
import org.metrolims.app.proficiency.ScoreRequest.LabValue;
import org.metrolims.app.proficiency.ScoreRequest.SigmaPtChoice;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.scoring.ScoreCalculator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stateless scorer: ISO 13528 statistics and scores for results sent in the request, nothing stored. Any
 * signed-in user may call it.
 */
@RestController
@RequestMapping("/api/pt/score")
@Tag(name = "Proficiency testing")
class ScorerController {

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Score results given as JSON (Algorithm A or reference x_pt; robust or fixed sigma_pt)")
    ScoreResponse scoreJson(@RequestBody ScoreRequest request) {
        return ScoreResponse.of(ScoreCalculator.calculate(request.labResults(), request.assignedValueSpec(),
                request.sigmaPtSpec()));
    }

    /**
     * The same from CSV with the header {@code lab,value,u} (u may be empty); the methods come as query parameters:
     * {@code assignedValue=algorithm-a|reference} with {@code referenceValue} and {@code referenceU}, and
     * {@code sigmaPt} (a number; robust when absent).
     */
    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Score results given as CSV: lab,value,u")
    ScoreResponse scoreCsv(@RequestBody String csv,
            @RequestParam(defaultValue = "algorithm-a") String assignedValue,
            @RequestParam(required = false) Double referenceValue, @RequestParam(required = false) Double referenceU,
            @RequestParam(required = false) Double sigmaPt) {
        ScoreRequest request = new ScoreRequest(parse(csv),
                new AssignedValueChoice(assignedValue, referenceValue, referenceU),
                new SigmaPtChoice(sigmaPt == null ? "robust" : null, sigmaPt));
        return scoreJson(request);
    }

    /** Lines of lab,value,u after a header naming those columns; a bad line is named by its number. */
    static List<LabValue> parse(String csv) {
        String[] lines = csv.strip().split("\\R");
        if (lines.length == 0 || !lines[0].strip().replace(" ", "").toLowerCase().matches("lab,value(,u)?")) {
            throw new PtInputException("line 1", "the header must be lab,value,u");
        }
        if (lines.length - 1 > ScoreRequest.MAX_RESULTS) {
            throw new PtInputException("results", "at most " + ScoreRequest.MAX_RESULTS + " lines of results, got "
                    + (lines.length - 1));
        }
        List<LabValue> results = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || cells.length > 3) {
                throw new PtInputException("line " + (i + 1), "needs lab,value[,u], got " + line);
            }
            results.add(new LabValue(cells[0].strip(), number(cells[1], "line " + (i + 1) + ".value"),
                    cells.length == 3 && !cells[2].isBlank() ? number(cells[2], "line " + (i + 1) + ".u") : null));
        }
        return results;
    }

    private static Double number(String cell, String field) {
        try {
            return Double.valueOf(cell.strip());
        } catch (NumberFormatException e) {
            throw new PtInputException(field, "'" + cell.strip() + "' is not a number");
        }
    }
}
