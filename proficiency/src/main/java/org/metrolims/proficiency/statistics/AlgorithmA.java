package org.metrolims.proficiency.statistics;

import java.util.Arrays;
import org.metrolims.proficiency.statistics.AlgorithmAResult.InitialScale;

/**
 * Algorithm A with iterated scale, ISO 13528:2022 C.3.1 (Formulae C.5 to C.10): a Huber-type robust mean x* and
 * robust standard deviation s*.
 *
 * <p>Start: x* = median, s* = 1.483 median|x_i - x*|. Each iteration: delta = 1.5 s*; winsorise every x_i to
 * [x* - delta, x* + delta]; x* = mean of the winsorised values; s* = 1.134 times their standard deviation (n - 1).
 *
 * <p>Stopping rule. C.3.1 lets the iteration stop when the third significant figures of x* and s* no longer change.
 * That rule makes the result depend on where it stopped (and even on the unit of the data), so MetroLIMS iterates
 * to the fixed point instead: it stops when an update changes neither x* nor s* by more than four units in the last
 * place of s* (in practice the update is usually exactly zero), or when the floating-point map has entered a
 * two-cycle at that level. The result is then independent of the stopping rule; it agrees with the values that
 * ISO 13528:2022 prints in Annex E to their printed digits (the tests show this), except where a printed value was
 * itself cut short by the three-figure rule (E.1, last digit of s*). If the fixed point is not reached in
 * {@link #MAX_ITERATIONS} updates, {@link AlgorithmANotConvergedException} is thrown.
 *
 * <p>More than half of the results equal: MADe is zero and the iteration cannot start from it; following C.3.1
 * NOTE 2 the starting s* is then the sample standard deviation. When all results are equal, or so many are (from
 * about two thirds, depending on the rest) that s* shrinks geometrically towards zero around the common value, the
 * fixed point is x* = that value, s* = 0: it is returned as such ({@link AlgorithmAResult#degenerate()}), never as
 * NaN.
 *
 * <p>Minimum: three results. The standard sets no hard minimum for Algorithm A (its guidance for small numbers of
 * participants, 5.4 and Annex D, calls robust estimators acceptable from about 12 results), but below three the
 * algorithm is either undefined (p = 1: no standard deviation with p - 1) or not robust at all (p = 2: the median
 * is the mean and no result can ever be winsorised).
 *
 * <p>Cost: the median and MADe by selection (expected O(n)); then each update needs only the counts below and above
 * the winsorising limits and the sums of the values between them. The first update is made in the pass that
 * rescales the values; then the values are partitioned once into those certainly below, certainly inside and
 * certainly above the limits of the coming updates, plus bands around the two limits. An update touches only the
 * bands; the bands are narrowed (touching only their own values) as the limits settle, and the partition is redone
 * whenever a limit leaves its band. The result is that of a straightforward pass over all values in every update, to
 * rounding (the tests compare the two).
 */
public final class AlgorithmA {

    /** Fewest results Algorithm A accepts. */
    public static final int MIN_RESULTS = 3;

    /** Most updates before {@link AlgorithmANotConvergedException}. */
    public static final int MAX_ITERATIONS = 10_000;

    /** delta = 1.5 s*, ISO 13528:2022 C.3.1 Formula (C.7). */
    static final double DELTA_FACTOR = 1.5;

    /** s* = 1.134 sd of the winsorised values, ISO 13528:2022 C.3.1 Formula (C.10). */
    static final double SCALE_FACTOR = 1.134;

    /**
     * Up to this many results the values are sorted first, so that x*, s* and the iteration count are the same
     * for any order of the results; above it they may differ in the last bits (and the count by one) between
     * orders.
     */
    static final int ORDER_INDEPENDENT_LIMIT = 8192;

    private static final double TOLERANCE_ULPS = 4;
    private static final double BAND_GROWTH = 8;
    private static final int MAX_EPOCHS = 64;
    private static final int FULL_ITERATIONS_BEFORE_BANDS = 1;
    private static final double COLLAPSE_RATIO = 0x1p-40;

    private AlgorithmA() {
    }

    /**
     * Robust mean and standard deviation of the results by Algorithm A. The array is not changed.
     *
     * @throws InvalidResultException        when a result is not finite or the results span more than the range of
     *                                       a double
     * @throws InsufficientResultsException  when there are fewer than {@link #MIN_RESULTS} results
     * @throws AlgorithmANotConvergedException when the fixed point is not reached in {@link #MAX_ITERATIONS} updates
     */
    public static AlgorithmAResult compute(double[] values) {
        Inputs.requireFinite(values, "result");
        int n = values.length;
        if (n < MIN_RESULTS) {
            throw new InsufficientResultsException("Algorithm A (ISO 13528:2022 C.3.1)", MIN_RESULTS, n,
                    "with one result there is no standard deviation, with two the median equals the mean and no "
                            + "result can be winsorised");
        }
        double[] source = values;
        if (n <= ORDER_INDEPENDENT_LIMIT) {
            // sums in ascending order: the result, to the last bit, and the iteration count do not depend on the
            // order in which the labs' results arrive
            source = values.clone();
            Arrays.sort(source);
        }
        double median = Selection.median(source, false, 0);
        double start = RobustStatistics.MADE_FACTOR * Selection.median(source, true, median);
        InitialScale initialScale = InitialScale.MADE;
        if (start == 0) {
            start = sampleStandardDeviation(source);
            initialScale = InitialScale.SAMPLE_STANDARD_DEVIATION;
            if (start == 0) {
                return new AlgorithmAResult(median, 0.0, n, 0, initialScale);
            }
        }
        if (!Double.isFinite(start)) {
            throw new InvalidResultException("results span more than the range of a double; rescale them");
        }
        // Iterate on (x - median) / unit, unit a power of two near s* (so the rescaling is exact) and x* - median
        // small; the rescaled values are computed on the fly in each pass, not stored.
        double unit = Math.scalb(1.0, Math.getExponent(start));
        Winsorizer w = new Winsorizer(source, median, 1 / unit);
        double mean = 0;
        double scale = start / unit;
        // the first update also checks that every rescaled value is finite
        w.checkedFirstStep(mean - DELTA_FACTOR * scale, mean + DELTA_FACTOR * scale);
        boolean firstStepDone = true;
        double previousMean = Double.NaN;
        double previousScale = Double.NaN;
        double lastMove = Double.POSITIVE_INFINITY;
        double collapseStartScale = -1;
        int epochs = 0;
        int iterations = 0;
        while (true) {
            if (iterations == MAX_ITERATIONS) {
                throw new AlgorithmANotConvergedException(iterations, median + mean * unit, scale * unit);
            }
            double delta = DELTA_FACTOR * scale;
            double lo = mean - delta;
            double hi = mean + delta;
            if (w.banded && w.contains(lo, hi)) {
                double wanted = Math.max(BAND_GROWTH * lastMove, 0x1p-30 * scale);
                if (wanted < w.halfWidth / 4) {
                    w.narrow(lo, hi, wanted);
                }
            }
            boolean stepped = firstStepDone || (w.banded && w.bandStep(lo, hi));
            firstStepDone = false;
            if (!stepped) {
                double band = Math.max(BAND_GROWTH * lastMove, 0x1p-30 * scale);
                if (iterations >= FULL_ITERATIONS_BEFORE_BANDS && epochs < MAX_EPOCHS && band < delta / 2) {
                    w.startEpoch(lo, hi, band);
                    epochs++;
                    stepped = w.bandStep(lo, hi);
                } else {
                    w.banded = false;
                }
                if (!stepped) {
                    w.fullStep(lo, hi, mean);
                }
            }
            iterations++;
            double nextMean = w.nextMean;
            double nextScale = w.nextScale;
            double meanTolerance = TOLERANCE_ULPS * Math.ulp(Math.max(Math.abs(nextMean), nextScale));
            boolean settled = Math.abs(nextMean - mean) <= meanTolerance
                    && Math.abs(nextScale - scale) <= TOLERANCE_ULPS * Math.ulp(nextScale);
            boolean cycle = nextMean == previousMean && nextScale == previousScale;
            if (settled || cycle) {
                mean = nextMean;
                scale = nextScale;
                break;
            }
            if (w.innerCount > 0 && w.innerMin == w.innerMax && nextScale < scale) {
                if (collapseStartScale < 0) {
                    collapseStartScale = scale;
                }
                if (nextScale <= COLLAPSE_RATIO * collapseStartScale) {
                    double common = w.innerMin;
                    return new AlgorithmAResult(common == 0 ? median : median + common * unit, 0.0, n, iterations,
                            initialScale);
                }
            } else {
                collapseStartScale = -1;
            }
            lastMove = Math.abs(nextMean - mean) + DELTA_FACTOR * Math.abs(nextScale - scale);
            previousMean = mean;
            previousScale = scale;
            mean = nextMean;
            scale = nextScale;
        }
        return new AlgorithmAResult(median + mean * unit, scale * unit, n, iterations, initialScale);
    }

    /** Sample standard deviation (n - 1), two passes. */
    static double sampleStandardDeviation(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * One update of x* and s* from winsorising limits [lo, hi]. Sums are taken about a centre c close to x*, so
     * that sum (w - x*)^2 = sum (w - c)^2 - (sum (w - c))^2 / n loses no precision.
     */
    private static final class Winsorizer {

        private final double[] source;
        private final double median;
        private final double inverseUnit;
        private final int n;
        private double[] lowBand = new double[16];
        private double[] highBand = new double[16];

        boolean banded;
        private double lowBandMin;
        private double lowBandMax;
        private double highBandMin;
        private double highBandMax;
        private double centre;
        private long below;
        private long above;
        private int coreCount;
        private double coreSum;
        private double coreSquares;
        private double coreMin;
        private double coreMax;
        private int lowBandCount;
        private int highBandCount;

        double nextMean;
        double nextScale;
        int innerCount;
        double innerMin;
        double innerMax;

        Winsorizer(double[] source, double median, double inverseUnit) {
            this.source = source;
            this.median = median;
            this.inverseUnit = inverseUnit;
            this.n = source.length;
        }

        /** An update with limits [lo, hi] about centre 0 that also checks every rescaled value is finite. */
        void checkedFirstStep(double lo, double hi) {
            long nLo = 0;
            long nHi = 0;
            int nIn = 0;
            double s1 = 0;
            double s2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = (source[i] - median) * inverseUnit;
                if (!Double.isFinite(v)) {
                    throw new InvalidResultException("results span more than the range of a double; rescale them");
                }
                if (v < lo) {
                    nLo++;
                } else if (v > hi) {
                    nHi++;
                } else {
                    s1 += v;
                    s2 += v * v;
                    nIn++;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
            finish(0, lo, hi, nLo, nHi, nIn, s1, s2, min, max);
        }

        void fullStep(double lo, double hi, double c) {
            long nLo = 0;
            long nHi = 0;
            int nIn = 0;
            double s1 = 0;
            double s2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double m0 = median;
            double iu = inverseUnit;
            for (double x : source) {
                double v = (x - m0) * iu;
                if (v < lo) {
                    nLo++;
                } else if (v > hi) {
                    nHi++;
                } else {
                    double d = v - c;
                    s1 += d;
                    s2 += d * d;
                    nIn++;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
            finish(c, lo, hi, nLo, nHi, nIn, s1, s2, min, max);
        }

        /** Partitions the values against bands of half-width h around lo and hi. */
        void startEpoch(double lo, double hi, double h) {
            lowBandMin = lo - h;
            lowBandMax = lo + h;
            highBandMin = hi - h;
            highBandMax = hi + h;
            halfWidth = h;
            centre = lo + (hi - lo) / 2;
            long nBelow = 0;
            long nAbove = 0;
            int nCore = 0;
            double s1 = 0;
            double s2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int nLowBand = 0;
            int nHighBand = 0;
            double c = centre;
            double m0 = median;
            double iu = inverseUnit;
            for (double x : source) {
                double v = (x - m0) * iu;
                if (v < lowBandMin) {
                    nBelow++;
                } else if (v > highBandMax) {
                    nAbove++;
                } else if (v > lowBandMax && v < highBandMin) {
                    double d = v - c;
                    s1 += d;
                    s2 += d * d;
                    nCore++;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                } else if (v <= lowBandMax) {
                    if (nLowBand == lowBand.length) {
                        lowBand = java.util.Arrays.copyOf(lowBand, Math.min(n, 2 * nLowBand));
                    }
                    lowBand[nLowBand++] = v;
                } else {
                    if (nHighBand == highBand.length) {
                        highBand = java.util.Arrays.copyOf(highBand, Math.min(n, 2 * nHighBand));
                    }
                    highBand[nHighBand++] = v;
                }
            }
            below = nBelow;
            above = nAbove;
            coreCount = nCore;
            coreSum = s1;
            coreSquares = s2;
            coreMin = min;
            coreMax = max;
            lowBandCount = nLowBand;
            highBandCount = nHighBand;
            banded = true;
        }

        double halfWidth;

        boolean contains(double lo, double hi) {
            return lo >= lowBandMin && lo <= lowBandMax && hi >= highBandMin && hi <= highBandMax;
        }

        /**
         * Narrows the bands to half-width h around lo and hi (never beyond the current bands), folding the band
         * values that fall outside into the counts and the core sums. Touches only the band values.
         */
        void narrow(double lo, double hi, double h) {
            double newLowMin = Math.max(lo - h, lowBandMin);
            double newLowMax = Math.min(lo + h, lowBandMax);
            double newHighMin = Math.max(hi - h, highBandMin);
            double newHighMax = Math.min(hi + h, highBandMax);
            double c = centre;
            int keptLow = 0;
            for (int i = 0; i < lowBandCount; i++) {
                double v = lowBand[i];
                if (v < newLowMin) {
                    below++;
                } else if (v > newLowMax) {
                    addToCore(v, c);
                } else {
                    lowBand[keptLow++] = v;
                }
            }
            int keptHigh = 0;
            for (int i = 0; i < highBandCount; i++) {
                double v = highBand[i];
                if (v > newHighMax) {
                    above++;
                } else if (v < newHighMin) {
                    addToCore(v, c);
                } else {
                    highBand[keptHigh++] = v;
                }
            }
            lowBandCount = keptLow;
            highBandCount = keptHigh;
            lowBandMin = newLowMin;
            lowBandMax = newLowMax;
            highBandMin = newHighMin;
            highBandMax = newHighMax;
            halfWidth = h;
        }

        private void addToCore(double v, double c) {
            double d = v - c;
            coreSum += d;
            coreSquares += d * d;
            coreCount++;
            if (v < coreMin) {
                coreMin = v;
            }
            if (v > coreMax) {
                coreMax = v;
            }
        }

        /** An update that touches only the bands; false when a limit has left its band. */
        boolean bandStep(double lo, double hi) {
            if (lo < lowBandMin || lo > lowBandMax || hi < highBandMin || hi > highBandMax) {
                banded = false;
                return false;
            }
            long nLo = below;
            long nHi = above;
            int nIn = coreCount;
            double s1 = coreSum;
            double s2 = coreSquares;
            double min = coreMin;
            double max = coreMax;
            double c = centre;
            for (int i = 0; i < lowBandCount; i++) {
                double v = lowBand[i];
                if (v < lo) {
                    nLo++;
                } else {
                    double d = v - c;
                    s1 += d;
                    s2 += d * d;
                    nIn++;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
            for (int i = 0; i < highBandCount; i++) {
                double v = highBand[i];
                if (v > hi) {
                    nHi++;
                } else {
                    double d = v - c;
                    s1 += d;
                    s2 += d * d;
                    nIn++;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
            finish(c, lo, hi, nLo, nHi, nIn, s1, s2, min, max);
            return true;
        }

        private void finish(double c, double lo, double hi, long nLo, long nHi, int nIn, double s1, double s2,
                            double min, double max) {
            double dLo = lo - c;
            double dHi = hi - c;
            double t1 = s1 + nLo * dLo + nHi * dHi;
            double t2 = s2 + nLo * dLo * dLo + nHi * dHi * dHi;
            double m = t1 / n;
            double squares = Math.max(0, t2 - t1 * m);
            nextMean = c + m;
            nextScale = SCALE_FACTOR * Math.sqrt(squares / (n - 1));
            innerCount = nIn;
            innerMin = min;
            innerMax = max;
        }
    }
}
