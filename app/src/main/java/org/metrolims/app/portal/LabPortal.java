package org.metrolims.app.portal;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.calibration.schedule.LabInstrument;
import org.metrolims.calibration.schedule.LabInstrumentSort;
import org.metrolims.calibration.schedule.LabInstruments;
import org.metrolims.app.web.TableQuery;
import org.metrolims.db.Page;
import org.springframework.stereotype.Service;

/**
 * A lab's home: its instruments and when each is due (the validity of its latest approved calibration), with links
 * to its calibrations, its PT rounds and, once they exist, its certificates and the recall job's messages. Only the
 * signed-in lab's own organization is ever read.
 */
@Service
public class LabPortal {

    private final LabInstruments instruments;
    private final ProvinceToday today;

    LabPortal(LabInstruments instruments, ProvinceToday today) {
        this.instruments = instruments;
        this.today = today;
    }

    /** The sort keys of the portal's instrument table (the first is the default: the earliest due first). */
    static final List<String> SORTS = List.of("due", "instrument", "serial", "last", "status");

    /**
     * One page of the lab's own instruments for the portal's table (search, sort and page from the URL), counted
     * and paged in SQL, so that every instrument is reachable, however many the lab has.
     */
    public Page<LabInstrument> instruments(MetroLimsUser lab, TableQuery table) {
        LabInstrumentSort sort = switch (table.sort()) {
            case "instrument" -> LabInstrumentSort.INSTRUMENT;
            case "serial" -> LabInstrumentSort.SERIAL;
            case "last" -> LabInstrumentSort.LAST_CALIBRATED_ON;
            case "status" -> LabInstrumentSort.STATUS;
            default -> LabInstrumentSort.DUE_ON;
        };
        return instruments.page(lab.organizationId(), today.date(), table.text(), sort, table.descending(),
                table.pageRequest());
    }
}
