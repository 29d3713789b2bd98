package org.metrolims.app.portal;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.calibration.schedule.LabInstrument;
import org.metrolims.calibration.schedule.LabInstruments;
import org.springframework.stereotype.Service;

/**
 * A lab's home: its instruments and when each is due (the validity of its latest approved calibration), with links
 * to its calibrations, its PT rounds and, once they exist, its certificates and the recall job's messages. Only the
 * signed-in lab's own organization is ever read.
 */
@Service
public class LabPortal {

    /** Instruments shown on the home page; the registry pages list them all. */
    static final int INSTRUMENTS_SHOWN = 200;

    private final LabInstruments instruments;
    private final ProvinceToday today;

    LabPortal(LabInstruments instruments, ProvinceToday today) {
        this.instruments = instruments;
        this.today = today;
    }

    public List<LabInstrument> instruments(MetroLimsUser lab) {
        return instruments.of(lab.organizationId(), today.date(), INSTRUMENTS_SHOWN);
    }
}
