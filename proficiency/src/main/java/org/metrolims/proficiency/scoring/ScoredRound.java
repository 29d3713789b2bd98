package org.metrolims.proficiency.scoring;

import java.util.List;
import org.metrolims.proficiency.round.Round;

/** A round just scored: the round with its summary, the full calculation and the stored scores. */
public record ScoredRound(Round round, Calculation calculation, List<LabRoundScore> scores) {

    public ScoredRound {
        scores = List.copyOf(scores);
    }
}
