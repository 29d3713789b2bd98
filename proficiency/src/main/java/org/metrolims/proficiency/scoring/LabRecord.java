package org.metrolims.proficiency.scoring;

import java.util.List;
import org.metrolims.proficiency.statistics.LabHistoryFlags;

/** A lab's scores across rounds, oldest first, with the flags of ISO 13528:2022 9.4.2 signals over them. */
public record LabRecord(List<LabRoundScore> rounds, LabHistoryFlags flags) {

    public LabRecord {
        rounds = List.copyOf(rounds);
    }
}
