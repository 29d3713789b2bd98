package org.metrolims.proficiency.statistics.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.metrolims.proficiency.statistics.AlgorithmA;
import org.metrolims.proficiency.statistics.AlgorithmAResult;
import org.metrolims.proficiency.statistics.AssignedValue;
import org.metrolims.proficiency.statistics.LabResult;
import org.metrolims.proficiency.statistics.ProficiencyScoring;
import org.metrolims.proficiency.statistics.RoundScores;
import org.metrolims.proficiency.statistics.ScoreTable;
import org.metrolims.proficiency.statistics.SigmaPt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * A whole round scored (Algorithm A, consensus x_pt and u(x_pt), sigma_pt = s*, input checks, duplicate-code check,
 * z, z', zeta, E_n and classifications for every lab) against ONE Arrays.sort of a copy of the same values, for
 * rounds of 10^3, 10^5 and 10^6 results. The round is given in columns (lab codes, x, u(x), U(x)) and scored into a
 * {@link ScoreTable} ({@code algorithmAAndAllScores}, the figure the ratio is taken of); {@code
 * algorithmAAndAllScoresAsRecords} does the same from a list of {@link LabResult} into one {@code LabScore} per lab,
 * as the API does, for comparison. The forked JVM is limited to one processor
 * (-XX:ActiveProcessorCount=1, so also a single-threaded collector; 4 GB heap, 3 GB of it young, touched at start
 * so that no side pays the operating system for first use of fresh heap pages).
 *
 * <p>Run: {@code ./mvnw -B -pl proficiency -am -Pbench test-compile exec:exec}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn3g", "-XX:+AlwaysPreTouch", "-XX:ActiveProcessorCount=1"})
public class ProficiencyBenchmark {

    @Param({"1000", "100000", "1000000"})
    int n;

    private List<LabResult> results;
    private String[] codes;
    private double[] values;
    private double[] standardUncertainties;
    private double[] expandedUncertainties;

    @Setup(Level.Trial)
    public void createRound() {
        Random random = new Random(13528);
        results = new ArrayList<>(n);
        values = new double[n];
        for (int i = 0; i < n; i++) {
            // results around 25.0 with sd 0.8, and 3 % gross errors (units, decimal points, blunders)
            double x = random.nextInt(100) < 3 ? 25 * (0.1 + 20 * random.nextDouble()) : 25 + 0.8 * random.nextGaussian();
            x = Math.rint(x * 1000) / 1000;
            values[i] = x;
            results.add(LabResult.withExpandedUncertainty(String.format("L%07d", i), x, 1.2 + 0.2 * random.nextDouble(), 2));
        }
        codes = results.stream().map(LabResult::labCode).toArray(String[]::new);
        standardUncertainties = results.stream().mapToDouble(LabResult::standardUncertainty).toArray();
        expandedUncertainties = results.stream().mapToDouble(LabResult::expandedUncertainty).toArray();
    }

    @Benchmark
    public ScoreTable algorithmAAndAllScores() {
        AlgorithmAResult robust = AlgorithmA.compute(values);
        return ProficiencyScoring.scoreColumns(codes, values, standardUncertainties, expandedUncertainties,
                AssignedValue.consensus(robust), SigmaPt.fromRobustStandardDeviation(robust));
    }

    @Benchmark
    public RoundScores algorithmAAndAllScoresAsRecords() {
        double[] x = new double[results.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = results.get(i).value();
        }
        AlgorithmAResult robust = AlgorithmA.compute(x);
        return ProficiencyScoring.score(results, AssignedValue.consensus(robust),
                SigmaPt.fromRobustStandardDeviation(robust));
    }

    @Benchmark
    public double[] oneSortOfACopy() {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(ProficiencyBenchmark.class.getName()).build();
        Collection<RunResult> runs = new Runner(options).run();
        System.out.println();
        System.out.println("ISO 13528 round scoring vs one Arrays.sort of a copy (mean of JMH measurements)");
        System.out.printf("%10s %22s %22s %8s %22s %8s%n", "results", "Algorithm A + scores", "Arrays.sort (copy)",
                "ratio", "same, as records", "ratio");
        for (String size : new String[] {"1000", "100000", "1000000"}) {
            double scoring = score(runs, "algorithmAAndAllScores", size);
            double sort = score(runs, "oneSortOfACopy", size);
            double records = score(runs, "algorithmAAndAllScoresAsRecords", size);
            System.out.printf("%10s %13.0f ns %5.2f ms %13.0f ns %5.2f ms %8.3f %13.0f ns %5.2f ms %8.3f%n", size,
                    scoring, scoring / 1e6, sort, sort / 1e6, scoring / sort, records, records / 1e6, records / sort);
        }
    }

    private static double score(Collection<RunResult> runs, String benchmark, String size) {
        return runs.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)
                        && r.getParams().getParam("n").equals(size))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(Double.NaN);
    }
}
