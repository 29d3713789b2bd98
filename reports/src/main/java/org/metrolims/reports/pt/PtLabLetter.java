package org.metrolims.reports.pt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.metrolims.proficiency.statistics.Performance;

/**
 * A letter to one participant of a PT round: addressed to the lab by name, with its own result and scores in the
 * round and its record in the scheme over earlier rounds. Other participants appear nowhere, not even by code.
 *
 * @param round   the round as the final report gives it (only round-level facts and this lab's row are printed)
 * @param labCode the lab's code in this round
 * @param history the lab's scored and published rounds of the same scheme, oldest first, this round included
 * @param flagged two questionable signals in a row or an unsatisfactory one in that history (ISO 13528:2022 9.4.2)
 */
record PtLabLetter(PtRoundReport round, String labNameZh, String labNameEn, String labCode,
        List<HistoryRow> history, boolean flagged) {

    public PtLabLetter {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(labCode, "labCode");
        history = List.copyOf(history);
    }

    /**
     * One earlier (or this) round of the lab in the scheme.
     *
     * @param score     the score the lab was judged by (z, z', zeta or E_n), null when none was computed
     * @param scoreName its symbol
     */
    public record HistoryRow(String roundCode, LocalDate scoredOn, String labCode, double result, String scoreName,
            Double score, Performance signal) {
    }
}
