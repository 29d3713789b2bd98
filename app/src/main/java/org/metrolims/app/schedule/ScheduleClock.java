package org.metrolims.app.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Today" for schedules: the date in the province's time zone ({@code lims.province.zone}). */
@Component
public class ScheduleClock {

    private final Clock clock;

    ScheduleClock(@Value("${lims.province.zone:Asia/Shanghai}") ZoneId zone) {
        this.clock = Clock.system(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
