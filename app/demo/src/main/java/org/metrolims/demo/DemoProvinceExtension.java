package org.metrolims.demo;

/**
 * A feature's own part of the demo province (PT rounds, certificates, demand, schedules…), run by
 * the loader after the core province is written and before it marks the province whole, so a
 * failure here leaves the province "half loaded" and is reported as such on the next start.
 *
 * <p>Implementations are Spring beans of this module, one per feature, ordered with
 * {@link org.springframework.core.annotation.Order}; they read what they need from the database
 * and must be deterministic in {@link DemoSettings#seed()}, {@link DemoSettings#scale()} and
 * {@link DemoSettings#anchorDate()}.
 */
interface DemoProvinceExtension {

    /** Writes this feature's demo rows; returns the row counts per table for the load's log and audit line. */
    java.util.Map<String, Long> extend(DemoSettings settings);
}
