package org.metrolims.app.certificate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatchItem;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateViewer;
import org.metrolims.reports.certificate.Certificates;
import org.metrolims.reports.certificate.IssuedCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends each certificate a batch issued to its customer's contact e-mail, the stored PDF attached (Spring Mail, as
 * the recall job does; SMTP from {@code spring.mail.*}). One message per certificate. What became of each is
 * recorded on the batch item and audited: SENT, FAILED with the server's answer, or NO_CONTACT when the customer
 * has no contact e-mail. A failed e-mail never un-issues a certificate; the batch page shows it and sends it again.
 */
class CertificateMailer {

    private static final Logger log = LoggerFactory.getLogger(CertificateMailer.class);

    private final Optional<JavaMailSender> sender;
    private final String from;
    private final Certificates certificates;
    private final CertificateBatches batches;

    CertificateMailer(Optional<JavaMailSender> sender, String from, Certificates certificates,
            CertificateBatches batches) {
        this.sender = sender;
        this.from = from;
        this.certificates = certificates;
        this.batches = batches;
    }

    /** Mails every issued item of the batch not mailed yet; answers how many were sent. */
    int mailBatch(long batchId, String actor) {
        CertificateBatch batch = batches.find(batchId).orElseThrow();
        int sent = 0;
        for (CertificateBatchItem item : batches.items(batchId)) {
            if (item.issued() && item.mailStatus() == null && send(batch, item, actor)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends one item's certificate again (after a failure, or once the customer has a contact e-mail). */
    boolean resend(long batchId, long calibrationId, String actor) {
        CertificateBatch batch = batches.find(batchId).orElseThrow();
        CertificateBatchItem item = batches.items(batchId).stream()
                .filter(i -> i.calibrationId() == calibrationId && i.canResend()).findFirst()
                .orElseThrow(() -> new org.metrolims.reports.certificate.CertificateNotFoundException(
                        "no unsent certificate of calibration " + calibrationId + " in batch " + batchId));
        return send(batch, item, actor);
    }

    private boolean send(CertificateBatch batch, CertificateBatchItem item, String actor) {
        String to = item.contactEmail();
        if (to == null || to.isBlank()) {
            batches.recordMail(batch.id(), item, CertificateBatchItem.MAIL_NO_CONTACT, null, null, actor);
            return false;
        }
        try {
            if (sender.isEmpty()) {
                throw new IllegalStateException("no mail server is configured (spring.mail.host)");
            }
            IssuedCertificate pdf = certificates.pdf(new CertificateViewer(batch.organizationId(), false),
                    item.certificateNo(), item.revision());
            MimeMessage message = sender.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject("校准证书 " + pdf.number() + " / Calibration certificate " + pdf.number());
            helper.setText(body(item, pdf), false);
            helper.addAttachment(pdf.number() + (pdf.revision() > 1 ? "-r" + pdf.revision() : "") + ".pdf",
                    new ByteArrayResource(pdf.pdf()), "application/pdf");
            sender.get().send(message);
            batches.recordMail(batch.id(), item, CertificateBatchItem.MAIL_SENT, to, null, actor);
            return true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("certificate {} not mailed to {}: {}", item.certificateNo(), to, e.toString());
            batches.recordMail(batch.id(), item, CertificateBatchItem.MAIL_FAILED, to, reason(e), actor);
            return false;
        }
    }

    private static String body(CertificateBatchItem item, IssuedCertificate pdf) {
        return String.join("\n", List.of(
                item.customerZh() + "：",
                "", "附件为校准证书 " + pdf.number() + "（第 " + pdf.revision() + " 版，SHA-256 " + pdf.sha256() + "）。"
                        + "证书上的二维码或验证地址可在线核验。",
                "", "Dear " + item.customerEn() + ",",
                "", "Attached is calibration certificate " + pdf.number() + " (revision " + pdf.revision()
                        + ", SHA-256 " + pdf.sha256() + "). The QR code or the address printed on it verifies it online.",
                ""));
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
