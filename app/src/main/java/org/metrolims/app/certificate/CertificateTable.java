package org.metrolims.app.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.TableQuery;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.reports.certificate.CertificateFilter;
import org.metrolims.reports.certificate.CertificateSort;
import org.metrolims.reports.certificate.CertificateStatus;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;

/**
 * The certificate list's table state, read one way for the page, its zip and its CSV/Excel export: sort keys, the
 * status and issue-date filters and the search (number or item).
 */
final class CertificateTable {

    /** The sort keys (the first is the default, newest first). */
    static final List<String> SORTS = List.of("issued", "number", "status", "subject");

    private CertificateTable() {}

    static TableQuery query(HttpServletRequest request) {
        return TableQuery.of(request, SORTS, true, "status", "issuedFrom", "issuedTo");
    }

    /** The filter the table's search and filters stand for; a status or date that does not parse reads as none. */
    static CertificateFilter filter(TableQuery table) {
        CertificateStatus status = Arrays.stream(CertificateStatus.values())
                .filter(v -> v.name().equals(table.filter("status"))).findFirst().orElse(null);
        return new CertificateFilter(table.text(), status, date(table.filter("issuedFrom")),
                date(table.filter("issuedTo")));
    }

    static Page<CertificateSummary> read(Certificates certificates, MetroLimsUser user, TableQuery table,
            PageRequest page) {
        CertificateSort sort = switch (table.sort()) {
            case "number" -> CertificateSort.NUMBER;
            case "status" -> CertificateSort.STATUS;
            case "subject" -> CertificateSort.SUBJECT;
            default -> CertificateSort.ISSUED_AT;
        };
        return certificates.list(CertificateViewers.of(user), filter(table), sort, table.descending(), page);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a date a link mangled filters nothing
        }
    }
}
