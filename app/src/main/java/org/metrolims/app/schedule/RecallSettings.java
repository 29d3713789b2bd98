package org.metrolims.app.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily recall job ({@code lims.recall.*}). The SMTP server is Spring Boot's {@code spring.mail.*}
 * (environment {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}); without a host no e-mail is sent and only the in-app messages are written.
 *
 * @param enabled            run the job on its schedule
 * @param cron               when (Spring cron, in the province's time zone)
 * @param from               the sender address
 * @param dueSoonDays        remind of calibrations due within this many days
 * @param overdueDays        remind of calibrations that fell overdue within this many days
 * @param certificateDays    remind of assessment certificates expiring within this many days
 * @param maxItemsPerMessage items listed in one message (all are logged and counted)
 */
@ConfigurationProperties("lims.recall")
record RecallSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0 0 6 * * *") String cron,
        @DefaultValue("metrolims@localhost") String from,
        @DefaultValue("30") int dueSoonDays,
        @DefaultValue("30") int overdueDays,
        @DefaultValue("90") int certificateDays,
        @DefaultValue("200") int maxItemsPerMessage) {
}
