package org.metrolims.app.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.Labels;
import org.metrolims.app.web.TableExport;
import org.metrolims.app.web.TableExport.Column;
import org.metrolims.app.web.TableQuery;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The certificate list as CSV or Excel: the certificates the table lists for the same search, filters and sort (all
 * pages; a lab only those it is the customer or the issuer of), with the table's labels in the user's language.
 */
@Controller
class CertificateExportController {

    /** The page's format of the issue time (UTC). */
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final Certificates certificates;
    private final MessageSource messages;
    private final Labels labels;

    CertificateExportController(Certificates certificates, MessageSource messages, Labels labels) {
        this.certificates = certificates;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/certificates/export.{format}")
    void export(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String format,
            HttpServletRequest request, HttpServletResponse response) {
        TableExport.Format as = TableExport.Format.of(format);
        TableQuery table = CertificateTable.query(request);
        TableExport.send(response, as, "certificates", columns(),
                TableExport.allPages(p -> CertificateTable.read(certificates, user, table, TableExport.exportPage(p))));
    }

    private List<Column<CertificateSummary>> columns() {
        boolean zh = LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        return List.of(
                new Column<>(label("certificate.field.number"), CertificateSummary::number),
                new Column<>(label("certificate.field.revision"), CertificateSummary::revision),
                new Column<>(label("certificate.field.status"), c -> labels.of(c.status())),
                new Column<>(label("certificate.field.subject"), CertificateSummary::subject),
                new Column<>(label("certificate.field.customer"), c -> zh ? c.customerNameZh() : c.customerNameEn()),
                new Column<>(label("certificate.field.issuer"), c -> zh ? c.issuerNameZh() : c.issuerNameEn()),
                new Column<>(label("certificate.field.issuedAt"), c -> ISSUED.format(c.issuedAt())));
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
