package org.metrolims.proficiency.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of one measurand in one round held in columns, one entry per lab in input order: what
 * {@link ProficiencyScoring#scoreColumns} returns for large rounds, without an object per lab. Entry i gives the
 * same numbers and classifications as the {@link LabScore} {@link #labScore(int)} builds from it (the record path
 * {@link ProficiencyScoring#score} is built on this one). An absent zeta or E_n is NaN in {@link #zeta(int)} /
 * {@link #en(int)} and null in the {@code LabScore}; a computed one is never NaN for results below about 1e308 in
 * magnitude (beyond that x - x_pt itself overflows).
 * Read-only: the arrays are not exposed.
 */
public final class ScoreTable {

    static final byte ABSENT = -1;
    private static final Performance[] PERFORMANCES = Performance.values();

    private final AssignedValue assignedValue;
    private final SigmaPt sigmaPt;
    private final boolean negligible;
    private final String[] labCodes;
    private final double[] results;
    private final double[] z;
    private final double[] zPrime;
    private final double[] zeta;
    private final double[] en;
    private final byte[] performance;
    private final byte[] zetaPerformance;
    private final byte[] enPerformance;

    ScoreTable(AssignedValue assignedValue, SigmaPt sigmaPt, boolean negligible, String[] labCodes, double[] results,
            double[] z, double[] zPrime, double[] zeta, double[] en, byte[] performance, byte[] zetaPerformance,
            byte[] enPerformance) {
        this.assignedValue = assignedValue;
        this.sigmaPt = sigmaPt;
        this.negligible = negligible;
        this.labCodes = labCodes;
        this.results = results;
        this.z = z;
        this.zPrime = zPrime;
        this.zeta = zeta;
        this.en = en;
        this.performance = performance;
        this.zetaPerformance = zetaPerformance;
        this.enPerformance = enPerformance;
    }

    public int size() {
        return z.length;
    }

    public AssignedValue assignedValue() {
        return assignedValue;
    }

    public SigmaPt sigmaPt() {
        return sigmaPt;
    }

    /** u(x_pt) &lt; 0.3 sigma_pt (ISO 13528:2022 9.2.1); when false the labs are classified by z'. */
    public boolean assignedValueUncertaintyNegligible() {
        return negligible;
    }

    public ScoreType classifiedBy() {
        return negligible ? ScoreType.Z : ScoreType.Z_PRIME;
    }

    public String labCode(int i) {
        return labCodes[i];
    }

    public double result(int i) {
        return results[i];
    }

    public double z(int i) {
        return z[i];
    }

    public double zPrime(int i) {
        return zPrime[i];
    }

    /** zeta, or NaN when the lab gave no u(x) (or neither it nor x_pt has an uncertainty). */
    public double zeta(int i) {
        return zeta[i];
    }

    /** E_n, or NaN when the lab gave no U(x) (or neither it nor x_pt has an uncertainty). */
    public double en(int i) {
        return en[i];
    }

    /** Classification of z, or of z' where it replaces z. */
    public Performance performance(int i) {
        return PERFORMANCES[performance[i]];
    }

    /** Classification of zeta, or null without zeta. */
    public Performance zetaPerformance(int i) {
        return zetaPerformance[i] == ABSENT ? null : PERFORMANCES[zetaPerformance[i]];
    }

    /** Classification of E_n, or null without E_n. */
    public Performance enPerformance(int i) {
        return enPerformance[i] == ABSENT ? null : PERFORMANCES[enPerformance[i]];
    }

    /** Lab i's scores as a record. */
    public LabScore labScore(int i) {
        byte zp = zetaPerformance[i];
        byte ep = enPerformance[i];
        return new LabScore(labCodes[i], results[i], z[i], zPrime[i], zp == ABSENT ? null : zeta[i],
                ep == ABSENT ? null : en[i], classifiedBy(), PERFORMANCES[performance[i]],
                zp == ABSENT ? null : PERFORMANCES[zp], ep == ABSENT ? null : PERFORMANCES[ep]);
    }

    /** The same scores as records, one per lab, in input order. */
    public RoundScores toRoundScores() {
        List<LabScore> scores = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            scores.add(labScore(i));
        }
        return new RoundScores(assignedValue, sigmaPt, negligible, classifiedBy(), scores);
    }
}
