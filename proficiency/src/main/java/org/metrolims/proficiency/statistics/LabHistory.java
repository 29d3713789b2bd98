package org.metrolims.proficiency.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A lab's performance across rounds. An unsatisfactory result is an action signal and a questionable one a warning
 * signal (ISO 13528:2022 9.4.2); a warning signal repeated in the next round is treated as calling for action, as
 * the IUPAC harmonized protocol for proficiency testing (Thompson, Ellison and Wood, Pure Appl. Chem. 78 (2006)
 * 145-196) advises for successive z-scores between 2 and 3.
 */
public final class LabHistory {

    private LabHistory() {
    }

    /**
     * Flags two questionable results in a row, or any unsatisfactory result.
     *
     * @param classificationsInRoundOrder the lab's classifications, oldest first (rounds it missed left out)
     * @throws InvalidResultException when the list or an element is missing
     */
    public static LabHistoryFlags review(List<Performance> classificationsInRoundOrder) {
        if (classificationsInRoundOrder == null) {
            throw new InvalidResultException("classifications are missing (null)");
        }
        List<Integer> flagged = new ArrayList<>();
        boolean twice = false;
        boolean unsatisfactory = false;
        Performance previous = null;
        for (int i = 0; i < classificationsInRoundOrder.size(); i++) {
            Performance p = classificationsInRoundOrder.get(i);
            if (p == null) {
                throw new InvalidResultException("classification of round at index " + i + " is missing", null, i);
            }
            if (p == Performance.UNSATISFACTORY) {
                unsatisfactory = true;
                flagged.add(i);
            } else if (p == Performance.QUESTIONABLE && previous == Performance.QUESTIONABLE) {
                twice = true;
                flagged.add(i);
            }
            previous = p;
        }
        return new LabHistoryFlags(classificationsInRoundOrder.size(), twice, unsatisfactory, flagged);
    }
}
