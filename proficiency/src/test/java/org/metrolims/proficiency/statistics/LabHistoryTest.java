package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.proficiency.statistics.Performance.QUESTIONABLE;
import static org.metrolims.proficiency.statistics.Performance.SATISFACTORY;
import static org.metrolims.proficiency.statistics.Performance.UNSATISFACTORY;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabHistoryTest {

    @Test
    void flagsTwoQuestionableResultsInARow() {
        LabHistoryFlags flags = LabHistory.review(List.of(SATISFACTORY, QUESTIONABLE, QUESTIONABLE, SATISFACTORY));
        assertThat(flags.questionableTwiceInARow()).isTrue();
        assertThat(flags.unsatisfactory()).isFalse();
        assertThat(flags.flaggedRounds()).containsExactly(2);
        assertThat(flags.flagged()).isTrue();
    }

    @Test
    void questionableResultsWithARoundBetweenAreNotFlagged() {
        LabHistoryFlags flags = LabHistory.review(List.of(QUESTIONABLE, SATISFACTORY, QUESTIONABLE));
        assertThat(flags.flagged()).isFalse();
        assertThat(flags.flaggedRounds()).isEmpty();
    }

    @Test
    void flagsEveryUnsatisfactoryResult() {
        LabHistoryFlags flags = LabHistory.review(List.of(UNSATISFACTORY, QUESTIONABLE, QUESTIONABLE, QUESTIONABLE,
                UNSATISFACTORY));
        assertThat(flags.unsatisfactory()).isTrue();
        assertThat(flags.questionableTwiceInARow()).isTrue();
        assertThat(flags.flaggedRounds()).containsExactly(0, 2, 3, 4);
        assertThat(flags.rounds()).isEqualTo(5);
    }

    @Test
    void anEmptyHistoryRaisesNoFlag() {
        assertThat(LabHistory.review(List.of()).flagged()).isFalse();
    }

    @Test
    void rejectsAMissingClassificationNamingTheRound() {
        assertThatThrownBy(() -> LabHistory.review(Arrays.asList(SATISFACTORY, null)))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1");
    }
}
