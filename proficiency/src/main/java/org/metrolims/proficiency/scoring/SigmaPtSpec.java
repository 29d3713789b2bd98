package org.metrolims.proficiency.scoring;

/** How to set sigma_pt for a calculation, ISO 13528:2022 clause 8. */
public sealed interface SigmaPtSpec {

    /** Fixed by the scheme (8.2, 8.3). */
    record Fixed(double value) implements SigmaPtSpec {
    }

    /** s* of the round's results (8.6). */
    record Robust() implements SigmaPtSpec {
    }

    /**
     * Horwitz-Thompson at x_pt (8.4); {@code massFractionPerUnit} turns a result into a mass fraction (mg/kg: 1e-6).
     */
    record Horwitz(double massFractionPerUnit) implements SigmaPtSpec {
    }

    static SigmaPtSpec fixed(double value) {
        return new Fixed(value);
    }

    static SigmaPtSpec robust() {
        return new Robust();
    }
}
