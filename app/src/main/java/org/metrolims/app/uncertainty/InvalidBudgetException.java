package org.metrolims.app.uncertainty;

import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;

/** Every problem found in a budget request, each naming its field (e.g. {@code components[2].values}). */
class InvalidBudgetException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    InvalidBudgetException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
