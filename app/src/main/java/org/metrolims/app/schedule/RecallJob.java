package org.metrolims.app.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily recall: reminds each organization of its calibrations due soon, those that fell overdue and
 * its standards' assessment certificates expiring, by one e-mail per organization and run (Spring Mail)
 * and one in-app message.
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

    private final RecallRepository repository;
    private final CalibrationSchedules schedules;
    private final TransactionTemplate transactions;
    private final RecallMailer mailer;
    private final RecallSettings settings;

    RecallJob(RecallRepository repository, CalibrationSchedules schedules, TransactionTemplate transactions,
            RecallMailer mailer, RecallSettings settings) {
        this.repository = repository;
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
        List<RecallRepository.Reminder> pending = repository.pending(today, settings.dueSoonDays(),
                settings.overdueDays(), settings.certificateDays());
        Map<Long, List<RecallRepository.Reminder>> byOrganization = new LinkedHashMap<>();
        for (RecallRepository.Reminder r : pending) {
            byOrganization.computeIfAbsent(r.organizationId(), k -> new ArrayList<>()).add(r);
        }
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

    private int[] remind(long organizationId, List<RecallRepository.Reminder> items) {
        RecallRepository.Organization org = repository.organization(organizationId).orElseThrow();
        String recipients = String.join(", ", org.recipients());
        List<RecallRepository.Reminder> claimed = new ArrayList<>();
        Long firstId = null;
        for (RecallRepository.Reminder r : items) {
            var id = repository.log(r, recipients);
            if (id.isPresent()) {
                claimed.add(r);
                firstId = firstId == null ? id.get() : firstId;
            }
        }
        if (claimed.isEmpty()) {
            return new int[] {0, 0};
        }
        long overdue = claimed.stream().filter(r -> r.kind().equals("OVERDUE")).count();
        long soon = claimed.stream().filter(r -> r.kind().equals("DUE_SOON")).count();
        long certificates = claimed.stream().filter(r -> r.kind().equals("CERTIFICATE_EXPIRING")).count();
        String subject = "校准提醒 Calibration reminder — %s: %d 已超期 overdue, %d 即将到期 due soon, %d 考核证书到期 certificates expiring"
                .formatted(org.code(), overdue, soon, certificates);
        StringBuilder body = new StringBuilder();
        body.append(org.nameZh()).append(" / ").append(org.nameEn()).append("\n\n");
        int listed = 0;
        for (RecallRepository.Reminder r : claimed) {
            if (listed++ == settings.maxItemsPerMessage()) {
                body.append("… ").append(claimed.size() - settings.maxItemsPerMessage()).append(" more / 另有")
                        .append(claimed.size() - settings.maxItemsPerMessage()).append("项\n");
                break;
            }
            body.append(switch (r.kind()) {
                case "OVERDUE" -> "[已超期 OVERDUE] ";
                case "DUE_SOON" -> "[即将到期 DUE] ";
                default -> "[考核证书到期 CERTIFICATE] ";
            }).append(r.dueOn()).append("  ").append(r.label()).append('\n');
        }
        String kind = overdue > 0 ? "OVERDUE" : soon > 0 ? "DUE_SOON" : "CERTIFICATE_EXPIRING";
        repository.message(organizationId, firstId, kind, subject, body.toString());
        boolean email = mailer.sends() && !org.recipients().isEmpty();
        // last: an exception here rolls back the log rows and the message, so the next run retries
        mailer.send(org.recipients(), subject, body.toString());
        return new int[] {claimed.size(), email ? 1 : 0};
    }
}
