package org.metrolims.calibration.procedure;

import org.metrolims.db.failure.InvalidInput;

/** Bad input to a procedure template, naming the field (e.g. {@code points[1].tolerance}); nothing is stored. */
public class ProcedureInputException extends InvalidInput {

    public ProcedureInputException(String field, String message) {
        super(field, message);
    }
}
