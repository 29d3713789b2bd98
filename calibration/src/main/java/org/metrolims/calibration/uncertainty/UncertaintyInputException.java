package org.metrolims.calibration.uncertainty;

import org.metrolims.db.failure.InvalidInput;

/**
 * Bad input to an uncertainty evaluation, naming the input it is about so that a form or an API
 * can point at it. {@link #input()} is a path in the vocabulary of the budget: for a component,
 * the component's own property ({@code values}, {@code halfWidth}, {@code dof}, …); for the
 * budget, a path from the budget ({@code components[2].name}, {@code correlations[0].r}).
 */
public class UncertaintyInputException extends InvalidInput {

    public UncertaintyInputException(String input, String message) {
        super(input, message);
    }

    /** The input this is about, e.g. {@code values} or {@code correlations[1].r}. */
    public String input() {
        return field();
    }
}
