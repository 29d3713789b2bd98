package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A lab's own instruments and when each is due: the validity of its latest approved calibration. */
@Service
public class LabInstruments {

    private final LabInstrumentRepository repository;

    LabInstruments(LabInstrumentRepository repository) {
        this.repository = repository;
    }

    /** The organization's instruments, those never calibrated and the earliest due first; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<LabInstrument> of(long organizationId, LocalDate today, int limit) {
        return repository.instruments(organizationId, today, limit);
    }
}
