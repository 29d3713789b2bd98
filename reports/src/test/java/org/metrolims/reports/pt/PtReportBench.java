package org.metrolims.reports.pt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PT documents per second with the templates compiled once, on 1 and 2 threads: the final report of a 12-lab round
 * (table, two JFreeChart images), the same for 60 labs, the per-lab letter, and the two charts alone (their share of
 * a report). Prints figures, asserts nothing. Run:
 * {@code ./mvnw -B -ntp -pl reports -am test -Dtest=PtReportBench -Dsurefire.failIfNoSpecifiedTests=false -Dlims.pt.bench=true}.
 */
@EnabledIfSystemProperty(named = "lims.pt.bench", matches = "true")
class PtReportBench {

    static final int RENDERS = 100;

    @Test
    void printsDocumentsPerSecond() throws Exception {
        PtReportTemplates templates = new PtReportTemplates();
        PtRoundReport twelve = SamplePtReports.round(12);
        PtRoundReport sixty = SamplePtReports.round(60);
        PtLabLetter letter = SamplePtReports.letter(twelve, "L003");
        double[] results = twelve.rows().stream().mapToDouble(PtRoundReport.Row::result).toArray();
        List<PtCharts.Bar> bars = twelve.rows().stream()
                .map(r -> new PtCharts.Bar(r.labCode(), r.z(), r.signal())).toList();

        run(2, 100, i -> templates.report(twelve)); // warm-up: JIT, font subsetting, chart code paths
        run(2, 100, i -> templates.letter(letter));

        System.out.println();
        System.out.println("PT documents, templates compiled once, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + RENDERS + " renders per figure");
        for (int threads = 1; threads <= 2; threads++) {
            print("final report, 12 labs", threads, run(threads, RENDERS, i -> templates.report(twelve)));
            print("final report, 60 labs", threads, run(threads, RENDERS / 2, i -> templates.report(sixty)));
            print("letter", threads, run(threads, RENDERS, i -> templates.letter(letter)));
            print("two charts only", threads, run(threads, RENDERS, i -> {
                PtCharts.scores(bars, "z", false);
                PtCharts.distribution(results, 10.0, 0.1, "mm");
            }));
        }
    }

    private static void print(String what, int threads, double perSecond) {
        System.out.printf("  %-24s %d thread(s): %8.1f /s  (%.1f ms each)%n", what, threads, perSecond,
                1000.0 * threads / perSecond);
    }

    /** Runs {@code n} tasks on {@code threads} threads; returns tasks per second (wall clock). */
    private static double run(int threads, int n, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> task.accept(k)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return n / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
