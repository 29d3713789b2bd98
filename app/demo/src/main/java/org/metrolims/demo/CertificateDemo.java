package org.metrolims.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.metrolims.reports.certificate.CertificateSigner;
import org.metrolims.reports.certificate.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo province's certificates: a spread of its approved calibrations across the labs (at most three per lab, about 120 at scale 1,
 * never more than 300: rendering is the cost), the newest ones of {@code lab1}'s and {@code lab2}'s organizations
 * as customers, and one amended certificate. Each is issued a few hours after its approval by the first technician
 * of the performing lab; numbers, codes, rows and the PDF bytes (stamped with the issue time, not the load's) are
 * deterministic in the seed and the anchor date, so two loads give the same hashes.
 */
@Component
@Order(50)
class CertificateDemo implements DemoProvinceExtension {

    private static final Logger log = LoggerFactory.getLogger(CertificateDemo.class);
    static final int MAX = 300;

    private final CertificateDemoRepository demo;
    private final Certificates certificates;

    CertificateDemo(CertificateDemoRepository demo, Certificates certificates) {
        this.demo = demo;
        this.certificates = certificates;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        long started = System.nanoTime();
        int target = (int) Math.min(MAX, Math.max(20, Math.round(120 * Math.min(1.0, settings.scale()))));
        // a stride through the ids so that each lab's share is spread over the two years, not its first days
        int stride = (int) Math.max(1, Math.round(1_000 * Math.min(1.0, settings.scale())));
        var candidates = new LinkedHashMap<Long, CertificateDemoRepository.Candidate>();
        demo.ofCustomerUser("lab1", 6).forEach(c -> candidates.putIfAbsent(c.calibrationId(), c));
        demo.ofCustomerUser("lab2", 6).forEach(c -> candidates.putIfAbsent(c.calibrationId(), c));
        demo.sample(stride, 3, target).forEach(c -> candidates.putIfAbsent(c.calibrationId(), c));
        var signers = demo.signers();
        var random = new SplittableRandom(settings.seed() ^ 0x5EC7_1F1CL);
        long issued = 0;
        String firstNumber = null;
        CertificateSigner firstSigner = null;
        for (var c : candidates.values()) {
            var s = signers.get(c.performerId());
            if (s == null) {
                continue;
            }
            var signer = new CertificateSigner(s.userId(), s.username(), s.displayName(), c.performerId(), true);
            var at = c.approvedAt().plus(Duration.ofHours(2 + random.nextInt(48)));
            var summary = certificates(at, random).issue(signer, c.calibrationId());
            issued++;
            if (firstNumber == null) {
                firstNumber = summary.number();
                firstSigner = signer;
                // a customer asked for a corrected address a week later: revision 2 supersedes revision 1
                certificates(at.plus(Duration.ofDays(7)), random).amend(signer, firstNumber,
                        "委托方地址更正 Customer address corrected at the customer's request");
                issued++;
            }
        }
        log.info("Demo province: {} certificates issued ({} s)", issued,
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return Map.of("certificate", issued);
    }

    private Certificates certificates(java.time.Instant at, SplittableRandom random) {
        return certificates.with(Clock.fixed(at, ZoneOffset.UTC), random.split());
    }
}
