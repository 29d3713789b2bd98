package org.metrolims.app.schedule;

import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.Recalls;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The recall job's beans, and its daily trigger when {@code lims.recall.enabled} is true. */
@Configuration
@EnableConfigurationProperties(RecallSettings.class)
class RecallScheduling {

    @Bean
    RecallJob recallJob(Recalls recalls, CalibrationSchedules schedules,
            PlatformTransactionManager transactions, Optional<JavaMailSender> mailSender, RecallSettings settings) {
        return new RecallJob(recalls, schedules, new TransactionTemplate(transactions),
                new RecallMailer(mailSender, settings.from()), settings);
    }

    /** ShedLock on the V6 {@code shedlock} table, with the database's clock so that instances agree on time. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Configuration
    @ConditionalOnProperty(prefix = "lims.recall", name = "enabled", havingValue = "true")
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
    static class Daily {

        @Bean
        DailyRecall dailyRecall(RecallJob job, ScheduleClock clock) {
            return new DailyRecall(job, clock);
        }
    }

    /** Runs the recall once a day on one instance. */
    static class DailyRecall {

        private final RecallJob job;
        private final ScheduleClock clock;

        DailyRecall(RecallJob job, ScheduleClock clock) {
            this.job = job;
            this.clock = clock;
        }

        @Scheduled(cron = "${lims.recall.cron:0 0 6 * * *}", zone = "${lims.province.zone:Asia/Shanghai}")
        @SchedulerLock(name = "recall", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
        void run() {
            job.run(clock.today(), true);
        }
    }
}
