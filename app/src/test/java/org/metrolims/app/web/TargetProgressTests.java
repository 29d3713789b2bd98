package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetProgressTests {

    @Test
    void gapIsWhatIsStillMissingAndNeverNegative() {
        assertThat(new TargetProgress(1234, 2000).gap()).isEqualTo(766);
        assertThat(new TargetProgress(2013, 2000).gap()).isZero();
    }

    @Test
    void percentIsRoundedToTheNearest() {
        assertThat(new TargetProgress(17, 2000).percent()).isEqualTo(1);
        assertThat(new TargetProgress(1234, 2000).percent()).isEqualTo(62);
        assertThat(new TargetProgress(0, 350).percent()).isZero();
    }

    @Test
    void aNearMissNeverReadsAsAHundredPercent() {
        assertThat(new TargetProgress(1999, 2000).percent()).isEqualTo(99);
        assertThat(new TargetProgress(1999, 2000).met()).isFalse();
    }

    @Test
    void aMetTargetIsAHundredPercentEvenWhenExceeded() {
        assertThat(new TargetProgress(2000, 2000).percent()).isEqualTo(100);
        assertThat(new TargetProgress(2600, 2000).percent()).isEqualTo(100);
        assertThat(new TargetProgress(2600, 2000).met()).isTrue();
    }
}
