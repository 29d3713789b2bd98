package org.metrolims.calibration.record;

import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * My work: what is waiting for one technician — his drafts, the records returned to him with the reviewer's
 * finding, the records of his laboratory waiting for his review (never his own), and the approved records waiting
 * for a certificate (issued by the laboratory's technicians). Only technicians have work here; for anyone else
 * every list is empty.
 */
@Service
public class CalibrationWork {

    private final WorkRepository repository;

    public CalibrationWork(WorkRepository repository) {
        this.repository = repository;
    }

    /** The size of every list, in one statement: what the navigation shows on every page. */
    @Transactional(readOnly = true)
    public WorkCounts counts(Actor actor) {
        if (!actor.technician()) {
            return WorkCounts.NONE;
        }
        return repository.counts(actor.userId(), actor.organizationId());
    }

    /** A page of one list. */
    @Transactional(readOnly = true)
    public Page<WorkItem> list(Actor actor, WorkList list, PageRequest page) {
        if (!actor.technician()) {
            return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
        }
        return repository.list(list, actor.userId(), actor.organizationId(), page);
    }
}
