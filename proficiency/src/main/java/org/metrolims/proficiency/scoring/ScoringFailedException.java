package org.metrolims.proficiency.scoring;

import org.metrolims.proficiency.PtRuleException;

/** The round's results cannot be scored as its scheme says (too few results, s* = 0, ...); nothing was stored. */
public class ScoringFailedException extends PtRuleException {

    public ScoringFailedException(String message, Throwable cause) {
        super("SCORING_FAILED", null, message);
        initCause(cause);
    }
}
