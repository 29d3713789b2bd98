package org.metrolims.proficiency.scoring;

import java.util.Locale;
import org.metrolims.proficiency.scheme.SchemeScoreType;

/**
 * The one score a lab is judged by in a round, as its signed letter states it: the scheme's score type (ISO 13528:2022
 * 9.4 z, 9.5 z′ when u(x_pt) is not negligible, 9.6 ζ, 9.7 En), its symbol, and its value rounded to two decimals.
 * The letter and the lab's pages both take it from here, so they cannot disagree.
 *
 * @param name  the score's symbol: z, z′, ζ or En
 * @param value the score, null when none was computed
 */
public record StatedScore(String name, Double value) {

    /**
     * The score the round's scheme judges by: ζ or En when the scheme scores so and the score exists, else z, or z′
     * when the round's u(x_pt) was not negligible (ISO 13528:2022 9.5.1: u(x_pt) ≥ 0.3 σ_pt).
     *
     * @param negligible whether the round's u(x_pt) was negligible against σ_pt
     */
    public static StatedScore of(LabRoundScore s, SchemeScoreType type, boolean negligible) {
        if (type == SchemeScoreType.ZETA && s.zeta() != null) {
            return new StatedScore("ζ", s.zeta());
        }
        if (type == SchemeScoreType.EN && s.en() != null) {
            return new StatedScore("En", s.en());
        }
        return negligible ? new StatedScore("z", s.z()) : new StatedScore("z′", s.zPrime());
    }

    /** The value as the letter prints it: two decimals ({@code -1.49}), or a dash when there is none. */
    public String rounded() {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Symbol and value as the letter prints them: {@code z′ = -1.49}. */
    public String text() {
        return value == null ? "—" : name + " = " + rounded();
    }
}
