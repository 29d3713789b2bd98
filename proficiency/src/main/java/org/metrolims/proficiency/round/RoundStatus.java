package org.metrolims.proficiency.round;

import java.util.Optional;

/**
 * The lifecycle of a PT round (pt_round.status), one way only: draft, open for enrolment, items dispatched, results
 * closed, scored, report issued.
 */
public enum RoundStatus {
    DRAFT,
    OPEN,
    DISPATCHED,
    CLOSED,
    SCORED,
    REPORTED;

    /** The one status this one may move to, none for a round whose report is issued. */
    public Optional<RoundStatus> next() {
        return this == REPORTED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** Whether the round has been scored (its scores and summary are set). */
    public boolean scored() {
        return this == SCORED || this == REPORTED;
    }
}
