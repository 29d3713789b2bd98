package org.metrolims.app.schedule;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends one plain-text UTF-8 reminder through Spring Mail; without a configured sender it sends nothing. */
class RecallMailer {

    private final Optional<JavaMailSender> sender;
    private final String from;

    RecallMailer(Optional<JavaMailSender> sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether e-mail goes out at all (an SMTP host is configured). */
    boolean sends() {
        return sender.isPresent();
    }

    void send(List<String> to, String subject, String body) {
        if (sender.isEmpty() || to.isEmpty()) {
            return;
        }
        try {
            MimeMessage message = sender.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.get().send(message);
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the reminder to " + to, e);
        }
    }
}
