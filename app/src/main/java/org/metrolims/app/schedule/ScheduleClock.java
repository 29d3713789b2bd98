package org.metrolims.app.schedule;

import java.time.LocalDate;
import org.metrolims.app.web.ProvinceToday;
import org.springframework.stereotype.Component;

/** "Today" for schedules and the recall job: the province's one "today" ({@link ProvinceToday}). */
@Component
public class ScheduleClock {

    private final ProvinceToday today;

    ScheduleClock(ProvinceToday today) {
        this.today = today;
    }

    public LocalDate today() {
        return today.date();
    }
}
