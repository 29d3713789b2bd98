package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A lab's own instruments and when each is due: the validity of its latest approved calibration. */
@Service
public class LabInstruments {

    private final LabInstrumentRepository repository;

    LabInstruments(LabInstrumentRepository repository) {
        this.repository = repository;
    }

    /**
     * One page of the organization's instruments, searched by manufacturer, model, serial or asset number and sorted;
     * only an instrument in service can be overdue.
     */
    @Transactional(readOnly = true)
    public Page<LabInstrument> page(long organizationId, LocalDate today, String text, LabInstrumentSort sort,
            boolean descending, PageRequest page) {
        return repository.page(organizationId, today, text, sort, descending, page);
    }
}
