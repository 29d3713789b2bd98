package org.metrolims.proficiency.statistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        int n = results.size();
        String[] codes = new String[n];
        double[] values = new double[n];
        double[] u = new double[n];
        double[] bigU = new double[n];
        int i = 0;
        for (LabResult lab : results) {
            if (lab == null) {
                throw new InvalidResultException("result at index " + i + " is missing (null)", null, i);
            }
            codes[i] = lab.labCode();
            values[i] = lab.value();
            Double s = lab.standardUncertainty();
            Double e = lab.expandedUncertainty();
            u[i] = s == null ? Double.NaN : s;
            bigU[i] = e == null ? Double.NaN : e;
            i++;
        }
        requireUniqueLabCodes(codes, hashes(codes));
        return compute(codes, values, u, bigU, assignedValue, sigmaPt).toRoundScores();
    }

    /**
     * Scores every lab's result as {@link #score} does, on results given in columns (one entry per lab), into a
     * {@link ScoreTable} that holds the scores in columns too: the same numbers, without an object per lab. For
     * large rounds (the benchmark scores 10^6 results this way).
     *
     * @param labCodes               the labs' codes: present, not blank, no two equal
     * @param values                 the results x, finite
     * @param standardUncertainties  u(x) per lab, NaN where a lab gave none; null when no lab gave one
     * @param expandedUncertainties  U(x) per lab, NaN where a lab gave none; null when no lab gave one
     * @throws InvalidResultException on a missing or blank code, a value that is not finite, an uncertainty that is
     *                                negative or infinite, columns of different lengths, or a repeated lab code (the
     *                                message names the code and both indexes); the message names the lab and index
     */
    public static ScoreTable scoreColumns(String[] labCodes, double[] values, double[] standardUncertainties,
            double[] expandedUncertainties, AssignedValue assignedValue, SigmaPt sigmaPt) {
        if (labCodes == null || values == null || assignedValue == null || sigmaPt == null) {
            throw new InvalidResultException("results, lab codes, assigned value and sigma_pt are required");
        }
        int n = labCodes.length;
        if (values.length != n || standardUncertainties != null && standardUncertainties.length != n
                || expandedUncertainties != null && expandedUncertainties.length != n) {
            throw new InvalidResultException("the columns of lab codes, results and uncertainties differ in length");
        }
        double[] u = standardUncertainties != null ? standardUncertainties : absent(n);
        double[] bigU = expandedUncertainties != null ? expandedUncertainties : absent(n);
        // one pass over the codes (the only objects per lab): present, not blank, and their hashes
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            String code = labCodes[i];
            if (code == null || code.isBlank()) {
                throw new InvalidResultException("result at index " + i + " has no lab code (value " + values[i]
                        + ")", null, i);
            }
            hashes[i] = mix(code.hashCode());
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidResultException("result of lab " + labCodes[i] + " is " + values[i]
                        + ": must be finite", labCodes[i], i);
            }
            requireUncertainty(u[i], "standard uncertainty", labCodes[i], i);
            requireUncertainty(bigU[i], "expanded uncertainty", labCodes[i], i);
        }
        requireUniqueLabCodes(labCodes, hashes);
        return compute(labCodes, values, u, bigU, assignedValue, sigmaPt);
    }

    private static double[] absent(int n) {
        double[] none = new double[n];
        Arrays.fill(none, Double.NaN);
        return none;
    }

    /** NaN (absent) or finite and not negative, as {@link LabResult} requires. */
    private static void requireUncertainty(double u, String what, String code, int i) {
        if (!Double.isNaN(u) && !(u >= 0 && u != Double.POSITIVE_INFINITY)) {
            throw new InvalidResultException(what + " of lab " + code + " is " + u
                    + ": must be finite and not negative", code, i);
        }
    }

    /**
     * The scoring pass, on checked columns (NaN: no uncertainty). Each score is computed with the same operations,
     * in the same order, as the formulas read, so that every lab's numbers are those of a lab-by-lab computation
     * to the last bit (Java does not contract a * b + c into one rounding); only the storage is columnar. One
     * branch-free loop per score and per classification, so that the JIT can run them on vector registers.
     */
    private static ScoreTable compute(String[] codes, double[] values, double[] u, double[] bigU,
            AssignedValue assignedValue, SigmaPt sigmaPt) {
        int n = codes.length;
        double xpt = assignedValue.value();
        double uxpt = assignedValue.standardUncertainty();
        double bigUxpt = assignedValue.expandedUncertainty();
        double sigma = sigmaPt.value();
        boolean negligible = uncertaintyNegligible(assignedValue, sigmaPt);
        double zPrimeDenominator = Math.sqrt(sigma * sigma + uxpt * uxpt);
        double uxpt2 = uxpt * uxpt;
        double bigUxpt2 = bigUxpt * bigUxpt;

        double[] z = new double[n];
        double[] zPrime = new double[n];
        double[] zeta = new double[n];
        double[] en = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (values[i] - xpt) / sigma;
        }
        for (int i = 0; i < n; i++) {
            zPrime[i] = (values[i] - xpt) / zPrimeDenominator;
        }
        // an absent u(x) is NaN, and so are its denominator and zeta
        for (int i = 0; i < n; i++) {
            zeta[i] = (values[i] - xpt) / Math.sqrt(u[i] * u[i] + uxpt2);
        }
        for (int i = 0; i < n; i++) {
            en[i] = (values[i] - xpt) / Math.sqrt(bigU[i] * bigU[i] + bigUxpt2);
        }
        // a zero denominator (no uncertainty on either side) means no zeta / E_n, not an infinite one
        if (uxpt2 == 0) {
            absentWhereZero(zeta, u);
        }
        if (bigUxpt2 == 0) {
            absentWhereZero(en, bigU);
        }
        byte[] performance = new byte[n];
        byte[] zetaPerformance = new byte[n];
        byte[] enPerformance = new byte[n];
        classify(negligible ? z : zPrime, performance);
        classify(zeta, zetaPerformance);
        for (int i = 0; i < n; i++) {
            double a = Math.abs(en[i]);
            // E_n: |E_n| <= 1 satisfactory (0), else unsatisfactory (2); NaN: absent (-1)
            enPerformance[i] = (byte) (a <= 1 ? 0 : a != a ? ScoreTable.ABSENT : 2);
        }
        return new ScoreTable(assignedValue, sigmaPt, negligible, codes, values, z, zPrime, zeta, en, performance,
                zetaPerformance, enPerformance);
    }

    /** NaN where the lab's uncertainty squared is zero: with u(x_pt) = 0 the denominator is then zero too. */
    private static void absentWhereZero(double[] scores, double[] uncertainties) {
        for (int i = 0; i < scores.length; i++) {
            if (uncertainties[i] * uncertainties[i] == 0) {
                scores[i] = Double.NaN;
            }
        }
    }

    /** {@link Performance#ofScore} as the ordinal (0 satisfactory, 1 questionable, 2 unsatisfactory); NaN: -1. */
    private static void classify(double[] scores, byte[] classes) {
        for (int i = 0; i < scores.length; i++) {
            double a = Math.abs(scores[i]);
            classes[i] = (byte) (a <= 2 ? 0 : a < 3 ? 1 : a >= 3 ? 2 : ScoreTable.ABSENT);
        }
    }

    /**
     * Whether u(x_pt) is negligible against sigma_pt: u(x_pt) &lt; 0.3 sigma_pt. ISO 13528:2022 9.2.1 Formula (10).
     * (The standard's inequality is strict; at exactly 0.3 sigma_pt labs are classified by z'.)
     */
    public static boolean uncertaintyNegligible(AssignedValue assignedValue, SigmaPt sigmaPt) {
        return assignedValue.standardUncertainty() < NEGLIGIBLE_UNCERTAINTY_RATIO * sigmaPt.value();
    }

    /**
     * Rejects a repeated lab code, naming it and both indexes (the first repeat in input order, and the first
     * occurrence of its code). {@code hashes} are the codes' hashes after {@link #mix}.
     *
     * <p>How, without a node per lab: a bit per slot of a filter with 64 to 128 slots per code (8 MB for a million
     * codes, which stays in the last-level cache) is set for every hash; only hashes whose slot was already taken
     * can be repeats. For a million distinct codes under 1 % are; the slots they hit are marked, the (hash, index)
     * pairs landing on a marked slot are collected and sorted, and only equal hashes are compared as strings. (A
     * smaller filter lets through more suspects, and sorting them then costs more than the filter saves.)
     */
    static void requireUniqueLabCodes(String[] codes, int[] hashes) {
        int n = hashes.length;
        if (n < 2) {
            return;
        }
        int logSlots = Math.clamp(32 - Integer.numberOfLeadingZeros(n - 1) + 6, 6, 28);
        int shift = 32 - logSlots;
        long[] seen = new long[1 << (logSlots - 6)];
        int[] taken = new int[64];
        int takenCount = 0;
        for (int i = 0; i < n; i++) {
            int slot = hashes[i] >>> shift;
            long bit = 1L << slot; // the shift takes the low six bits of slot
            long word = seen[slot >>> 6];
            if ((word & bit) != 0) {
                if (takenCount == taken.length) {
                    taken = Arrays.copyOf(taken, takenCount * 2);
                }
                taken[takenCount++] = slot;
            }
            seen[slot >>> 6] = word | bit;
        }
        if (takenCount == 0) {
            return;
        }
        Arrays.fill(seen, 0);
        for (int k = 0; k < takenCount; k++) {
            seen[taken[k] >>> 6] |= 1L << taken[k];
        }
        long[] suspects = new long[Math.min(n, 2 * takenCount + 16)];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int slot = hashes[i] >>> shift;
            if ((seen[slot >>> 6] & (1L << slot)) != 0) {
                if (count == suspects.length) {
                    suspects = Arrays.copyOf(suspects, Math.min(n, count * 2));
                }
                // hash in the high half (sign flipped so that signed order is unsigned order), index in the low
                suspects[count++] = ((long) (hashes[i] ^ Integer.MIN_VALUE) << 32) | i;
            }
        }
        Arrays.sort(suspects, 0, count);
        int firstRepeat = -1;
        int firstOccurrence = -1;
        for (int start = 0; start < count; ) {
            int end = start + 1;
            while (end < count && (suspects[end] >>> 32) == (suspects[start] >>> 32)) {
                end++;
            }
            if (end - start > 1) {
                // indexes ascend within a run of equal hashes
                Map<String, Integer> first = new HashMap<>();
                for (int k = start; k < end; k++) {
                    int i = (int) suspects[k];
                    Integer earlier = first.putIfAbsent(codes[i], i);
                    if (earlier != null && (firstRepeat < 0 || i < firstRepeat)) {
                        firstRepeat = i;
                        firstOccurrence = earlier;
                    }
                }
            }
            start = end;
        }
        if (firstRepeat >= 0) {
            String code = codes[firstRepeat];
            throw new InvalidResultException("lab code " + code + " appears twice, at index " + firstOccurrence
                    + " and at index " + firstRepeat, code, firstRepeat);
        }
    }

    /** The mixed hashes of the codes, as {@link #requireUniqueLabCodes} takes them. */
    static int[] hashes(String[] codes) {
        int[] hashes = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            hashes[i] = mix(codes[i].hashCode());
        }
        return hashes;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
