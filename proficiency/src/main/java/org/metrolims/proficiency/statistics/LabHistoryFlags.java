package org.metrolims.proficiency.statistics;

import java.util.List;

/**
 * Flags on a lab's record across rounds.
 *
 * @param rounds                      classifications reviewed
 * @param questionableTwiceInARow     two questionable results in consecutive rounds
 * @param unsatisfactory              at least one unsatisfactory result
 * @param flaggedRounds               zero-based positions that raise a flag: each unsatisfactory round and the second
 *                                    of each pair of consecutive questionable rounds, ascending
 */
public record LabHistoryFlags(int rounds, boolean questionableTwiceInARow, boolean unsatisfactory,
                              List<Integer> flaggedRounds) {

    public LabHistoryFlags {
        flaggedRounds = List.copyOf(flaggedRounds);
    }

    /** Whether the lab needs follow-up. */
    public boolean flagged() {
        return questionableTwiceInARow || unsatisfactory;
    }
}
