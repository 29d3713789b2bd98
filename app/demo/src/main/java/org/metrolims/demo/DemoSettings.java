package org.metrolims.demo;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The demo province that is loaded into an empty database ({@code lims.demo.*}).
 *
 * <p>The data is a function of {@code seed}, {@code scale} and {@code anchorDate} alone: the same
 * three give byte-identical rows on every machine and every day. In particular the data is
 * <em>not</em> relative to today: its two years of calibrations end on {@code anchorDate}, so a
 * demo run long after that date shows overdue instruments, and one before it shows calibrations
 * "in the future". Set the anchor date to move the whole province in time.
 *
 * @param enabled    load the demo province into an empty database; off unless set (the {@code demo} profile sets
 *                   it): its users share a published password, so a production database must never get them
 * @param seed       seed of the generator
 * @param scale      1 for a province of about 1,800 public standards and 200,000 calibrations;
 *                   10 and 100 make large ones for benchmarks, 0.01 a tiny one for tests. Regions,
 *                   disciplines, organizations and the fixed demo users do not scale.
 * @param anchorDate the last day of the demo's calibration history
 */
@ConfigurationProperties("lims.demo")
record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20260101") long seed,
        @DefaultValue("1") double scale,
        @DefaultValue("2026-11-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate anchorDate) {

    public DemoSettings {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("lims.demo.scale must be a positive number, not " + scale);
        }
        Objects.requireNonNull(anchorDate, "lims.demo.anchor-date");
    }
}
