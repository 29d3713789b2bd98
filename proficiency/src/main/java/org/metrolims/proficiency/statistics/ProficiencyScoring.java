package org.metrolims.proficiency.statistics;

import java.util.Arrays;
import java.util.List;

/**
 * Performance scores of a round, ISO 13528:2022 clause 9: z, z', zeta and E_n for every lab, and the classification
 * by z or, where the uncertainty of the assigned value is not negligible (9.2.1), by z'.
 */
public final class ProficiencyScoring {

    /** u(x_pt) is negligible below this fraction of sigma_pt, ISO 13528:2022 9.2.1 Formula (10). */
    public static final double NEGLIGIBLE_UNCERTAINTY_RATIO = 0.3;

    private ProficiencyScoring() {
    }

    /**
     * Scores every lab's result against the assigned value and sigma_pt.
     *
     * @throws InvalidResultException when the list or an element is missing, or two results share a lab code (the
     *                                message names the code and both indexes)
     */
    public static RoundScores score(List<LabResult> results, AssignedValue assignedValue, SigmaPt sigmaPt) {
        if (results == null || assignedValue == null || sigmaPt == null) {
            throw new InvalidResultException("results, assigned value and sigma_pt are required");
        }
        LabResult[] labs = results.toArray(new LabResult[0]);
        for (int i = 0; i < labs.length; i++) {
            if (labs[i] == null) {
                throw new InvalidResultException("result at index " + i + " is missing (null)", null, i);
            }
        }
        requireUniqueLabCodes(labs);

        double xpt = assignedValue.value();
        double uxpt = assignedValue.standardUncertainty();
        double bigUxpt = assignedValue.expandedUncertainty();
        double sigma = sigmaPt.value();
        boolean negligible = uncertaintyNegligible(assignedValue, sigmaPt);
        ScoreType classifiedBy = negligible ? ScoreType.Z : ScoreType.Z_PRIME;
        double zPrimeDenominator = Math.sqrt(sigma * sigma + uxpt * uxpt);
        double uxpt2 = uxpt * uxpt;
        double bigUxpt2 = bigUxpt * bigUxpt;

        LabScore[] scores = new LabScore[labs.length];
        for (int i = 0; i < labs.length; i++) {
            LabResult lab = labs[i];
            double d = lab.value() - xpt;
            double z = d / sigma;
            double zPrime = d / zPrimeDenominator;
            Double zeta = null;
            Performance zetaPerformance = null;
            if (lab.standardUncertainty() != null) {
                double u = lab.standardUncertainty();
                double denominator = Math.sqrt(u * u + uxpt2);
                if (denominator > 0) {
                    double value = d / denominator;
                    zeta = value;
                    zetaPerformance = Performance.ofScore(value);
                }
            }
            Double en = null;
            Performance enPerformance = null;
            if (lab.expandedUncertainty() != null) {
                double bigU = lab.expandedUncertainty();
                double denominator = Math.sqrt(bigU * bigU + bigUxpt2);
                if (denominator > 0) {
                    double value = d / denominator;
                    en = value;
                    enPerformance = Performance.ofEn(value);
                }
            }
            Performance performance = Performance.ofScore(negligible ? z : zPrime);
            scores[i] = new LabScore(lab.labCode(), lab.value(), z, zPrime, zeta, en, classifiedBy, performance,
                    zetaPerformance, enPerformance);
        }
        return new RoundScores(assignedValue, sigmaPt, negligible, classifiedBy, Arrays.asList(scores));
    }

    /**
     * Whether u(x_pt) is negligible against sigma_pt: u(x_pt) &lt; 0.3 sigma_pt. ISO 13528:2022 9.2.1 Formula (10).
     * (The standard's inequality is strict; at exactly 0.3 sigma_pt labs are classified by z'.)
     */
    public static boolean uncertaintyNegligible(AssignedValue assignedValue, SigmaPt sigmaPt) {
        return assignedValue.standardUncertainty() < NEGLIGIBLE_UNCERTAINTY_RATIO * sigmaPt.value();
    }

    /**
     * Rejects a repeated lab code, naming it and both indexes. The (hash, index) pairs are first distributed into
     * buckets by the top bits of the hash, then each bucket is checked with a small open-addressing table that stays
     * in cache: a round of a million labs is checked in a few passes, without a node per lab.
     */
    static void requireUniqueLabCodes(LabResult[] labs) {
        int n = labs.length;
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n) - 11);
        int buckets = 1 << bits;
        int[] hashes = new int[n];
        int[] starts = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            int h = mix(labs[i].labCode().hashCode());
            hashes[i] = h;
            starts[(h >>> (32 - bits)) + 1]++;
        }
        int largest = 0;
        for (int b = 0; b < buckets; b++) {
            largest = Math.max(largest, starts[b + 1]);
            starts[b + 1] += starts[b];
        }
        long[] entries = new long[n];
        int[] next = java.util.Arrays.copyOf(starts, buckets);
        for (int i = 0; i < n; i++) {
            int h = hashes[i];
            entries[next[h >>> (32 - bits)]++] = ((long) h << 32) | i;
        }
        int capacity = Integer.highestOneBit(Math.max(2, largest) * 2 - 1) << 1;
        int mask = capacity - 1;
        long[] table = new long[capacity];
        int shift = 32 - bits;
        for (int b = 0; b < buckets; b++) {
            // a slot still holding an entry of an earlier bucket (other top bits) counts as empty: no clearing
            for (int e = starts[b]; e < starts[b + 1]; e++) {
                long entry = entries[e];
                int h = (int) (entry >>> 32);
                int i = (int) entry;
                int slot = h & mask;
                while (true) {
                    long held = table[slot];
                    if (held == 0 || ((int) (held >>> 32) >>> shift) != b) {
                        table[slot] = entry + 1; // index + 1, so that 0 marks an empty slot
                        break;
                    }
                    if ((int) (held >>> 32) == h) {
                        int other = (int) held - 1;
                        String code = labs[i].labCode();
                        if (labs[other].labCode().equals(code)) {
                            throw new InvalidResultException("lab code " + code + " appears twice, at index " + other
                                    + " and at index " + i, code, i);
                        }
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
