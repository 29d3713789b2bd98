package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall rules: what to remind each organization of (calibrations due soon, those that fell overdue, its
 * standards' assessment certificates expiring), each reminder once (the reminder log's unique item + kind + due
 * date), the text of an organization's reminder, and the in-app messages it leaves for the lab portal. Sending the
 * e-mail and running daily are the app's recall job; it claims an organization's reminders ({@link #claim}) and sends
 * the notice in one transaction, so that a mail the SMTP server refused leaves nothing claimed.
 */
@Service
public class Recalls {

    /** One thing to remind of, not yet in the reminder log: kind DUE_SOON, OVERDUE or CERTIFICATE_EXPIRING. */
    public record Reminder(String itemType, long itemId, String kind, LocalDate dueOn, long organizationId,
            String label) {
    }

    /** The windows of the recall, in days (due soon, overdue since at most, certificate expiring within). */
    public record Windows(int dueSoonDays, int overdueDays, int certificateDays) {
    }

    /**
     * What to send an organization for the reminders just claimed: the recipients (its enabled users with an e-mail
     * address), the subject and the text; {@code reminders} is how many were claimed.
     */
    public record Notice(long organizationId, List<String> recipients, String subject, String body, int reminders) {

        public Notice {
            recipients = List.copyOf(recipients);
        }
    }

    /** One in-app message: its kind (DUE_SOON, OVERDUE, CERTIFICATE_EXPIRING…), subject, text and when it was left. */
    public record Message(String kind, String subject, String body, LocalDateTime createdAt) {
    }

    /** An in-app message as stored, with whether it was read. */
    public record LabMessage(long id, String kind, String subject, String body, LocalDateTime createdAt,
            boolean read) {
    }

    private final RecallRepository repository;

    Recalls(RecallRepository repository) {
        this.repository = repository;
    }

    /** Everything to remind of on {@code today} that the log does not have yet, by organization then date. */
    @Transactional(readOnly = true)
    public Map<Long, List<Reminder>> pending(LocalDate today, Windows windows) {
        Map<Long, List<Reminder>> byOrganization = new LinkedHashMap<>();
        for (Reminder r : repository.pending(today, windows.dueSoonDays(), windows.overdueDays(),
                windows.certificateDays())) {
            byOrganization.computeIfAbsent(r.organizationId(), k -> new ArrayList<>()).add(r);
        }
        return byOrganization;
    }

    /**
     * Claims the organization's reminders not logged yet (another run or instance may have sent some), leaves one
     * in-app message listing at most {@code maxItems} of them, and answers the notice to e-mail; empty when nothing
     * was left to claim. Called in the sender's transaction: the claim commits only with the mail.
     */
    @Transactional
    public Optional<Notice> claim(long organizationId, List<Reminder> items, int maxItems) {
        RecallRepository.Organization org = repository.organization(organizationId).orElseThrow();
        String recipients = String.join(", ", org.recipients());
        List<Reminder> claimed = new ArrayList<>();
        Long firstId = null;
        for (Reminder r : items) {
            var id = repository.log(r, recipients);
            if (id.isPresent()) {
                claimed.add(r);
                firstId = firstId == null ? id.get() : firstId;
            }
        }
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        long overdue = claimed.stream().filter(r -> r.kind().equals("OVERDUE")).count();
        long soon = claimed.stream().filter(r -> r.kind().equals("DUE_SOON")).count();
        long certificates = claimed.stream().filter(r -> r.kind().equals("CERTIFICATE_EXPIRING")).count();
        String subject = "校准提醒 Calibration reminder — %s: %d 已超期 overdue, %d 即将到期 due soon, %d 考核证书到期 certificates expiring"
                .formatted(org.code(), overdue, soon, certificates);
        StringBuilder body = new StringBuilder();
        body.append(org.nameZh()).append(" / ").append(org.nameEn()).append("\n\n");
        int listed = 0;
        for (Reminder r : claimed) {
            if (listed++ == maxItems) {
                body.append("… ").append(claimed.size() - maxItems).append(" more / 另有")
                        .append(claimed.size() - maxItems).append("项\n");
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
        return Optional.of(new Notice(organizationId, org.recipients(), subject, body.toString(), claimed.size()));
    }

    /** The in-app messages the recall left for an organization, newest first: what the lab portal shows. */
    @Transactional(readOnly = true)
    public List<LabMessage> messages(long organizationId, int limit) {
        return repository.messages(organizationId, limit);
    }

    /** {@link #messages} as the portal page shows them. */
    @Transactional(readOnly = true)
    public List<Message> latest(long organizationId, int limit) {
        return repository.messages(organizationId, limit).stream()
                .map(m -> new Message(m.kind(), m.subject(), m.body(), m.createdAt())).toList();
    }
}
