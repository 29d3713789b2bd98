package org.metrolims.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.LAB_MESSAGE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REGION;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrolims.app.AppTest;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.Recalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The recall job against a real in-process SMTP server (GreenMail) and the real database. */
@AppTest
class RecallJobTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate TODAY = LocalDate.of(2029, 3, 10);
    static final RecallSettings SETTINGS = new RecallSettings(false, "0 0 6 * * *", "recall@metrolims.test", 30, 30, 90, 200);

    @Autowired DSLContext dsl;
    @Autowired Recalls recalls;
    @Autowired CalibrationSchedules schedules;
    @Autowired PlatformTransactionManager transactions;
    @Autowired LockProvider lockProvider;

    private JavaMailSenderImpl smtpSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    private RecallJob job(RecallMailer mailer) {
        return new RecallJob(recalls, schedules, new TransactionTemplate(transactions), mailer, SETTINGS);
    }

    /** Two organizations with a user with an e-mail each, and two instruments each due in 2029. */
    private long[] organizations(String prefix) {
        long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchOptional(REGION.ID)
                .orElseGet(() -> dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                        .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").returningResult(REGION.ID).fetchSingle().value1());
        long type = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.CODE.eq("RECALL-TYPE"))
                .fetchOptional(INSTRUMENT_TYPE.ID).orElseGet(this::type);
        long[] ids = new long[2];
        for (int k = 0; k < 2; k++) {
            String code = prefix + "-" + k;
            ids[k] = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, "实验室" + k)
                    .set(ORGANIZATION.NAME_EN, "Lab " + k).set(ORGANIZATION.KIND, "ENTERPRISE")
                    .set(ORGANIZATION.REGION_ID, province).returningResult(ORGANIZATION.ID).fetchSingle().value1();
            dsl.insertInto(APP_USER).set(APP_USER.USERNAME, code.toLowerCase()).set(APP_USER.PASSWORD_HASH, "x")
                    .set(APP_USER.DISPLAY_NAME, code).set(APP_USER.EMAIL, code.toLowerCase() + "@lab.test")
                    .set(APP_USER.ORGANIZATION_ID, ids[k]).execute();
            for (int n = 0; n < 2; n++) {
                long instrument = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, ids[k])
                        .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Make")
                        .set(INSTRUMENT.MODEL, "M").set(INSTRUMENT.SERIAL_NO, code + "-SN-" + n).set(INSTRUMENT.UNIT, "g")
                        .set(INSTRUMENT.CALIBRATION_INTERVAL_MONTHS, 12)
                        .returningResult(INSTRUMENT.ID).fetchSingle().value1();
                // external calibration (no performing lab): due 2029-03-20 (n = 0, due soon) or 2029-03-01 (overdue);
                // before 2030, which other test classes in this shared schema take as "no calibrations after"
                LocalDate on = n == 0 ? LocalDate.of(2028, 3, 20) : LocalDate.of(2028, 3, 1);
                dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, code + "-C-" + n)
                        .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, ids[k])
                        .set(CALIBRATION.EXTERNAL_ISSUER, "NIM").set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, code + "-X-" + n)
                        .set(CALIBRATION.PROCEDURE_CODE, "P").set(CALIBRATION.CALIBRATED_ON, on)
                        .set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.AS_FOUND, "IN_TOLERANCE").execute();
            }
        }
        return ids;
    }

    private long type() {
        long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "RECALL-D").set(DISCIPLINE.NAME_ZH, "力学")
                .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 97).returningResult(DISCIPLINE.ID)
                .fetchSingle().value1();
        long q = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, "RECALL-Q")
                .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").returningResult(QUANTITY.ID).fetchSingle().value1();
        return dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "RECALL-TYPE").set(INSTRUMENT_TYPE.NAME_ZH, "天平")
                .set(INSTRUMENT_TYPE.NAME_EN, "Balance").set(INSTRUMENT_TYPE.QUANTITY_ID, q)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).returningResult(INSTRUMENT_TYPE.ID).fetchSingle().value1();
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void sendsOneBilingualReminderPerOrganizationAndNeverTheSameTwice() throws Exception {
        long[] orgs = organizations("RECALL");
        RecallJob job = job(new RecallMailer(Optional.of(smtpSender()), SETTINGS.from()));
        job.run(TODAY, false);
        List<MimeMessage> first = to("recall-0@lab.test");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getSubject()).contains("校准提醒", "1 已超期 overdue", "1 即将到期 due soon");
        assertThat(GreenMailUtil.getBody(first.get(0))).isNotBlank();
        assertThat(to("recall-1@lab.test")).hasSize(1);
        assertThat(dsl.fetchCount(LAB_MESSAGE, LAB_MESSAGE.ORGANIZATION_ID.eq(orgs[0]))).isEqualTo(1);

        job.run(TODAY, false);
        job.run(TODAY.plusDays(1), false);
        assertThat(to("recall-0@lab.test")).as("nothing new to remind of").hasSize(1);
    }

    @Test
    void aRunInterruptedMidwaySendsEachReminderOnceWhenItRunsAgain() {
        long[] orgs = organizations("BROKEN");
        JavaMailSenderImpl real = smtpSender();
        AtomicInteger sends = new AtomicInteger();
        // the SMTP connection drops at the second organization's mail (mail to other schemas' orgs has no address)
        RecallMailer failing = new RecallMailer(Optional.of(real), SETTINGS.from()) {
            @Override
            void send(List<String> to, String subject, String body) {
                if (!to.isEmpty() && to.get(0).startsWith("broken-") && sends.incrementAndGet() == 2) {
                    throw new MailSendException("connection reset");
                }
                super.send(to, subject, body);
            }
        };
        assertThatThrownBy(() -> job(failing).run(TODAY, false)).isInstanceOf(MailSendException.class);
        assertThat(to("broken-0@lab.test")).hasSize(1);
        assertThat(to("broken-1@lab.test")).isEmpty();
        assertThat(dsl.fetchCount(LAB_MESSAGE, LAB_MESSAGE.ORGANIZATION_ID.eq(orgs[1])))
                .as("the interrupted organization's message rolled back with its log").isZero();

        job(new RecallMailer(Optional.of(real), SETTINGS.from())).run(TODAY, false);
        assertThat(to("broken-0@lab.test")).hasSize(1);
        assertThat(to("broken-1@lab.test")).hasSize(1);
    }

    @Test
    void theDatabaseLockLetsOnlyOneInstanceRunTheJob() {
        var config = new LockConfiguration(Instant.now(), "recall-test", Duration.ofMinutes(5), Duration.ZERO);
        var first = lockProvider.lock(config);
        assertThat(first).isPresent();
        assertThat(lockProvider.lock(config)).as("a second instance finds the lock taken").isEmpty();
        first.get().unlock();
        var again = lockProvider.lock(config);
        assertThat(again).isPresent();
        again.get().unlock();
    }
}
