package org.metrolims.app.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.Recalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily recall: reminds each organization of its calibrations due soon, those that fell overdue and
 * its standards' assessment certificates expiring, by one e-mail per organization and run (Spring Mail)
 * and one in-app message. What to remind of and what the reminder says are the recall rules
 * ({@link Recalls}); this job runs them and sends the mail.
 *
 * <p><b>Each reminder once.</b> An organization's reminders are logged (unique item + kind + due date),
 * its in-app message written and its e-mail sent in one transaction, committed only after the SMTP server
 * accepted the mail. A run interrupted midway (the server down, the process stopped) has committed the
 * organizations before the interruption and nothing of the one in flight, so the next run sends exactly
 * what is missing. The one window left is a crash between the SMTP server's acceptance and the commit,
 * which would send that one mail again; we prefer that to losing it. Run on one instance at a time by
 * ShedLock ({@link RecallScheduling}); the unique key also makes concurrent runs harmless.
 */
class RecallJob {

    private static final Logger log = LoggerFactory.getLogger(RecallJob.class);

    /** What a run did. */
    record Summary(int organizations, int reminders, int emails) {
    }

    private final Recalls recalls;
    private final CalibrationSchedules schedules;
    private final TransactionTemplate transactions;
    private final RecallMailer mailer;
    private final RecallSettings settings;

    RecallJob(Recalls recalls, CalibrationSchedules schedules, TransactionTemplate transactions,
            RecallMailer mailer, RecallSettings settings) {
        this.recalls = recalls;
        this.schedules = schedules;
        this.transactions = transactions;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Runs the recall for {@code today}; a failure stops the run after the organizations already done. */
    Summary run(LocalDate today, boolean refreshSchedule) {
        if (refreshSchedule) {
            schedules.refreshAll();
        } else {
            schedules.refreshStale();
        }
        Map<Long, List<Recalls.Reminder>> byOrganization = recalls.pending(today,
                new Recalls.Windows(settings.dueSoonDays(), settings.overdueDays(), settings.certificateDays()));
        int organizations = 0;
        int reminders = 0;
        int emails = 0;
        for (var entry : byOrganization.entrySet()) {
            int[] sent = transactions.execute(status -> remind(entry.getKey(), entry.getValue()));
            if (sent[0] > 0) {
                organizations++;
                reminders += sent[0];
                emails += sent[1];
            }
        }
        log.info("Recall for {}: {} reminders to {} organizations, {} e-mails", today, reminders, organizations, emails);
        return new Summary(organizations, reminders, emails);
    }

    private int[] remind(long organizationId, List<Recalls.Reminder> items) {
        var claimed = recalls.claim(organizationId, items, settings.maxItemsPerMessage());
        if (claimed.isEmpty()) {
            return new int[] {0, 0};
        }
        Recalls.Notice notice = claimed.get();
        boolean email = mailer.sends() && !notice.recipients().isEmpty();
        // last: an exception here rolls back the log rows and the message, so the next run retries
        mailer.send(notice.recipients(), notice.subject(), notice.body());
        return new int[] {notice.reminders(), email ? 1 : 0};
    }
}
