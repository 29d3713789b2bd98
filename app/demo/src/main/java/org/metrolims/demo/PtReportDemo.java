package org.metrolims.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.Organizations;
import org.metrolims.proficiency.enrolment.EligibleLab;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.round.NewRound;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundSchedule;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.NewScheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo province's proficiency testing: one scheme of the provincial institute in a discipline that both
 * {@code lab1}'s and {@code lab2}'s organizations are accredited for (a mass comparison when they share mechanics),
 * with two past rounds about a year apart, each with up to twelve participants including those two, results,
 * homogeneity and stability data, scoring, and publication signed by the demo officer, all through the PT services,
 * so that the final report and the letters are there to download. Results, codes and dates are deterministic in
 * the seed and the anchor date, and so is the publication: signed twelve days after the deadline, when the report
 * and the letters are issued, so two loads give the same documents byte for byte.
 */
@Component
@Order(70)
class PtReportDemo implements DemoProvinceExtension {

    private static final Logger log = LoggerFactory.getLogger(PtReportDemo.class);
    /** The demo users' password (the demo loader's), which the officer re-enters to sign the publication. */
    private static final String DEMO_PASSWORD = "demo2026";
    /** The demo officer, who schedules, scores and publishes. */
    private static final String OFFICER = "officer";
    static final int PARTICIPANTS = 12;

    /** A comparison as the scheme sets it: the travelling standard's value and sigma_pt. */
    record Comparison(String discipline, String code, String nameZh, String nameEn, String measurandZh,
            String measurandEn, String unit, double value, double sigmaPt) {
    }

    /** In order of preference: mass first, as the issue suggests. */
    static final List<Comparison> COMPARISONS = List.of(
            new Comparison("MECHANICS", "FJPT-MASS", "1 kg F1 等级砝码质量比对",
                    "Mass comparison of a 1 kg class F1 weight", "约定质量修正值", "conventional mass correction",
                    "mg", 0.82, 0.50),
            new Comparison("THERMAL", "FJPT-PRT", "工业铂电阻温度计校准比对",
                    "Industrial platinum resistance thermometer comparison", "100 °C 点的电阻值",
                    "resistance at 100 °C", "Ω", 138.5055, 0.0100),
            new Comparison("LENGTH", "FJPT-GB50", "50 mm 量块中心长度比对", "50 mm gauge block comparison",
                    "中心长度偏差", "deviation of the central length", "μm", 0.12, 0.05),
            new Comparison("ELECTROMAGNETISM", "FJPT-DCV", "数字多用表 10 V 直流电压比对",
                    "Digital multimeter comparison at 10 V DC", "10 V 示值误差", "error of indication at 10 V",
                    "mV", 0.35, 0.05),
            new Comparison("TIME_FREQUENCY", "FJPT-FREQ", "频率计数器 10 MHz 比对",
                    "Frequency counter comparison at 10 MHz", "10 MHz 频率偏差", "frequency offset at 10 MHz",
                    "Hz", 0.012, 0.005),
            new Comparison("RADIO", "FJPT-RFP", "信号发生器 1 GHz 输出功率比对",
                    "Signal generator output power at 1 GHz", "1 GHz 输出功率", "output power at 1 GHz", "dBm",
                    -10.02, 0.05),
            new Comparison("ACOUSTICS", "FJPT-SPL", "声校准器声压级比对", "Sound calibrator sound pressure level",
                    "1 kHz 声压级", "sound pressure level at 1 kHz", "dB", 94.02, 0.10),
            new Comparison("OPTICS", "FJPT-LUX", "照度计比对", "Illuminance meter comparison",
                    "1000 lx 示值误差", "error of indication at 1000 lx", "lx", 12.0, 8.0),
            new Comparison("IONIZING_RADIATION", "FJPT-DOSE", "辐射防护用剂量率仪比对",
                    "Dose rate meter comparison", "校准因子", "calibration factor", "1", 1.02, 0.03),
            new Comparison("PHYSICAL_CHEMISTRY", "FJPT-PH", "酸度计比对", "pH meter comparison",
                    "缓冲溶液 pH 测量值", "pH of the buffer solution", "pH", 6.86, 0.02));

    private final Accounts accounts;
    private final Organizations organizations;
    private final ProficiencySchemes schemes;
    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final PtResults results;
    private final RoundScoring scoring;
    private final ItemStudies items;
    private final PtRoundPublishing publication;

    /**
     * The PT entry points, each used on the clock of the event it replays ({@code at}/{@code with}); the publication
     * as the app signs it ({@link PtRoundPublishing}).
     */
    PtReportDemo(Accounts accounts, Organizations organizations, ProficiencySchemes schemes,
            ProficiencyRounds rounds, PtEnrolments enrolments, PtResults results, RoundScoring scoring,
            ItemStudies items, PtRoundPublishing publication) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.schemes = schemes;
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.results = results;
        this.scoring = scoring;
        this.items = items;
        this.publication = publication;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        long started = System.nanoTime();
        Optional<String> lab1 = accounts.organizationCodeOf("lab1");
        Optional<String> lab2 = accounts.organizationCodeOf("lab2");
        Optional<String> provider = accounts.organizationCodeOf("tech");
        if (lab1.isEmpty() || provider.isEmpty()) {
            log.info("Demo province: no PT round (the demo users lab1 and tech are missing)");
            return Map.of();
        }
        List<String> scope1 = organizations.scopeOf(lab1.get());
        List<String> scope2 = lab2.map(organizations::scopeOf).orElse(List.of());
        Comparison comparison = COMPARISONS.stream()
                .filter(c -> scope1.contains(c.discipline()) && scope2.contains(c.discipline())).findFirst()
                .or(() -> COMPARISONS.stream().filter(c -> scope1.contains(c.discipline())).findFirst())
                .orElse(null);
        if (comparison == null) {
            log.info("Demo province: no PT round ({} has no discipline with a demo comparison)", lab1.get());
            return Map.of();
        }
        String officer = OFFICER;
        Scheme scheme = schemes.create(new NewScheme(comparison.code(), comparison.nameZh(), comparison.nameEn(),
                comparison.discipline(), comparison.measurandZh(), comparison.measurandEn(), comparison.unit(),
                provider.get(), AssignedValueMethod.ALGORITHM_A, SigmaPtMethod.FIXED, comparison.sigmaPt(),
                SchemeScoreType.Z), officer);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x50_7E_57L);
        List<String> wanted = new ArrayList<>();
        lab1.ifPresent(wanted::add);
        lab2.ifPresent(wanted::add);
        long enrolled = 0;
        long results = 0;
        LocalDate anchor = settings.anchorDate();
        int[] daysBack = {400, 150};
        for (int n = 0; n < daysBack.length; n++) {
            LocalDate opens = anchor.minusDays(daysBack[n]);
            String code = comparison.code() + "-" + opens.plusDays(55).getYear() + "-" + (n + 1);
            RoundSchedule schedule = new RoundSchedule(opens, opens.plusDays(20), opens.plusDays(25),
                    opens.plusDays(55).atTime(9, 0).toInstant(ZoneOffset.UTC), opens.plusDays(85));
            int[] counts = round(scheme, comparison, code, schedule, wanted, lab1.get(), lab2.orElse(null), officer,
                    random.split());
            enrolled += counts[0];
            results += counts[1];
        }
        log.info("Demo province: PT scheme {} with 2 published rounds, {} enrolments ({} s)", scheme.code(),
                enrolled, (System.nanoTime() - started) / 1_000_000 / 1000.0);
        var written = new LinkedHashMap<String, Long>();
        written.put("pt_scheme", 1L);
        written.put("pt_round", 2L);
        written.put("pt_enrolment", enrolled);
        written.put("pt_result", results);
        return written;
    }

    /** One round from scheduling to publication; returns {enrolments, results}. */
    private int[] round(Scheme scheme, Comparison c, String code, RoundSchedule schedule, List<String> wanted,
            String lab1, String lab2, String officer, SplittableRandom random) {
        String actor = officer;
        Instant deadline = schedule.submissionDeadline();
        Instant enrolling = schedule.enrolmentOpensOn().atTime(1, 0).toInstant(ZoneOffset.UTC);
        ProficiencyRounds planning = rounds(at(enrolling));
        Round round = planning.schedule(new NewRound(scheme.id(), code, schedule, null, null), actor);
        planning.transition(round.id(), RoundStatus.OPEN, actor);
        PtEnrolments enrolments = this.enrolments.with(planning, at(enrolling.plusSeconds(3600)), random.split());
        List<String> codes = new ArrayList<>();
        List<EligibleLab> eligible = enrolments.eligible(round.id());
        for (String w : wanted) {
            if (eligible.stream().anyMatch(e -> e.code().equals(w))) {
                codes.add(w);
            }
        }
        List<EligibleLab> others = new ArrayList<>(eligible.stream().filter(e -> !codes.contains(e.code())).toList());
        while (codes.size() < PARTICIPANTS && !others.isEmpty()) {
            codes.add(others.remove(random.nextInt(others.size())).code());
        }
        if (codes.size() < 3) {
            log.info("Demo province: PT round {} left OPEN: only {} labs are eligible", code, codes.size());
            return new int[] {0, 0};
        }
        List<Enrolment> in = new ArrayList<>();
        for (String org : codes) {
            in.add(enrolments.enrol(round.id(), org, actor));
        }
        rounds(at(schedule.dispatchOn().atTime(1, 0).toInstant(ZoneOffset.UTC))).transition(round.id(),
                RoundStatus.DISPATCHED, actor);

        // homogeneity: 10 items in duplicate; stability: 3 items in duplicate after the round (ISO 13528 B.2, B.5)
        double[][] homogeneity = new double[10][];
        for (int i = 0; i < homogeneity.length; i++) {
            double item = c.value() + gaussian(random) * 0.05 * c.sigmaPt();
            homogeneity[i] = new double[] {round(item + gaussian(random) * 0.05 * c.sigmaPt(), c.sigmaPt()),
                    round(item + gaussian(random) * 0.05 * c.sigmaPt(), c.sigmaPt())};
        }
        items.record(round.id(), ItemStudy.HOMOGENEITY, homogeneity, actor);

        // results a few days before the deadline: most labs close, one drifting (questionable), one far off
        PtResults submissions = results.with(enrolments, planning, at(deadline.minusSeconds(5 * 86_400)));
        int questionable = random.nextInt(in.size());
        int unsatisfactory = (questionable + 1 + random.nextInt(in.size() - 1)) % in.size();
        int count = 0;
        for (int i = 0; i < in.size(); i++) {
            double offset = i == questionable ? 2.4 : i == unsatisfactory ? -3.6 : gaussian(random) * 0.6;
            double value = round(c.value() + offset * c.sigmaPt(), c.sigmaPt());
            double u = round(c.sigmaPt() * (0.15 + 0.3 * random.nextDouble()), c.sigmaPt() / 10);
            submissions.submit(round.id(), in.get(i).organizationId(), new ResultSubmission(value, u, null, null,
                    "按计划作业指导书 As the scheme's instructions", null), submitter(in.get(i), lab1, lab2));
            count++;
        }
        double[][] after = new double[3][];
        for (int i = 0; i < after.length; i++) {
            after[i] = new double[] {round(c.value() + gaussian(random) * 0.05 * c.sigmaPt(), c.sigmaPt()),
                    round(c.value() + gaussian(random) * 0.05 * c.sigmaPt(), c.sigmaPt())};
        }
        items.record(round.id(), ItemStudy.STABILITY_AFTER, after, actor);

        rounds(at(deadline.plusSeconds(86_400))).transition(round.id(), RoundStatus.CLOSED, actor);
        scoring.with(planning, submissions, at(deadline.plusSeconds(10 * 86_400))).score(round.id(), actor);
        publication.publish(officer, round.id(), DEMO_PASSWORD, deadline.plusSeconds(12 * 86_400));
        return new int[] {in.size(), count};
    }

    /** The demo user who submits for the lab: lab1 and lab2 for theirs, a named lab account for the others. */
    private static String submitter(Enrolment e, String lab1, String lab2) {
        return e.organizationCode().equals(lab1) ? "lab1" : e.organizationCode().equals(lab2) ? "lab2"
                : "lab-" + e.organizationCode().toLowerCase(java.util.Locale.ROOT);
    }

    private ProficiencyRounds rounds(Clock clock) {
        return this.rounds.at(clock);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A value rounded to a hundredth of sigma_pt's order, as a lab would report it. */
    private static double round(double value, double scale) {
        double step = Math.pow(10, Math.floor(Math.log10(scale)) - 2);
        return Math.round(value / step) * step;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller on the seeded generator, so that the values do not depend on the JDK's own algorithm
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
