package org.metrolims.app.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one "today" of every figure: the date in the province's time zone ({@code lims.province.zone}, Asia/Shanghai
 * unless configured). Home, the coverage dashboard and its API, the coverage report, the schedules and the recall job
 * all ask this bean, so that at 07:00 in Fuzhou (23:00 UTC the day before) they count on the same date. Tests replace
 * it with one built on a fixed {@link Clock} (a {@code @Primary} bean). Declared in {@code WebConfiguration}, so web
 * slice tests have it too.
 */
public class ProvinceToday {

    private final Clock clock;

    static ProvinceToday of(ProvinceSettings province) {
        return new ProvinceToday(Clock.system(province.zone()));
    }

    /** @param clock the instant and the zone that decide the date (a fixed clock in tests) */
    public ProvinceToday(Clock clock) {
        this.clock = clock;
    }

    /** Today's date in the province. */
    public LocalDate date() {
        return LocalDate.now(clock);
    }

    /** The given date, or today's date in the province when it is absent (the default of every {@code asOf}). */
    public LocalDate orToday(LocalDate asOf) {
        return asOf == null ? date() : asOf;
    }

    /** The province's time zone. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** The clock itself, for code that needs the instant as well as the date. */
    public Clock clock() {
        return clock;
    }
}
