package org.metrolims.calibration.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * My work: what is waiting for one technician — his drafts, the records returned to him with the reviewer's
 * finding, the records of his laboratory waiting for his review (never his own), and the approved records waiting
 * for a certificate (approved in the last 90 days) (issued by the laboratory's technicians). Only technicians have work here; for anyone else
 * every list is empty.
 */
@Service
public class CalibrationWork {

    /**
     * How far back "ready to issue" looks: a certificate follows its approval within days. An approved record older
     * than this without a certificate is history (imported, or issued on paper before the system); it can still be
     * issued from the certificates page, but it is no longer anybody's open work.
     */
    public static final Duration READY_TO_ISSUE_WITHIN = Duration.ofDays(90);

    private final WorkRepository repository;
    private final Clock clock;

    @Autowired
    public CalibrationWork(WorkRepository repository) {
        this(repository, Clock.systemUTC());
    }

    public CalibrationWork(WorkRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The size of every list, in one statement: what the navigation shows on every page. */
    @Transactional(readOnly = true)
    public WorkCounts counts(Actor actor) {
        if (!actor.technician()) {
            return WorkCounts.NONE;
        }
        return repository.counts(actor.userId(), actor.organizationId(), approvedSince());
    }

    /** A page of one list. */
    @Transactional(readOnly = true)
    public Page<WorkItem> list(Actor actor, WorkList list, PageRequest page) {
        if (!actor.technician()) {
            return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
        }
        return repository.list(list, actor.userId(), actor.organizationId(), approvedSince(), page);
    }

    private Instant approvedSince() {
        return clock.instant().minus(READY_TO_ISSUE_WITHIN);
    }
}
