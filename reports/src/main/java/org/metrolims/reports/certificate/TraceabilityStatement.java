package org.metrolims.reports.certificate;

import java.util.List;
import java.util.stream.Collectors;
import org.metrolims.reports.certificate.CertificateFacts.ReferenceStandard;

/**
 * The metrological traceability statement of a certificate (ISO/IEC 17025:2017 7.8.4.1 and 6.5, ILAC P14): the
 * reference standards used and, one level up, the calibration of each that was current on the calibration date —
 * by an in-province lab or by an NMI (a chain root). Kept small and on its own so that a full chain analysis can
 * replace it without touching the template.
 */
final class TraceabilityStatement {

    private TraceabilityStatement() {
    }

    static String zh(List<ReferenceStandard> standards) {
        if (standards.isEmpty()) {
            return "本次校准未登记所用计量标准。";
        }
        return "本次校准所用计量标准：" + standards.stream().map(TraceabilityStatement::zhOne)
                .collect(Collectors.joining("；")) + "。测量结果经上述计量标准溯源至国家计量基准和国际单位制（SI）。";
    }

    static String en(List<ReferenceStandard> standards) {
        if (standards.isEmpty()) {
            return "No reference standard is recorded for this calibration.";
        }
        return "Reference standards used: " + standards.stream().map(TraceabilityStatement::enOne)
                .collect(Collectors.joining("; "))
                + ". Through them the results are traceable to the national measurement standards and to the SI.";
    }

    private static String zhOne(ReferenceStandard s) {
        String text = s.code() + " " + s.nameZh() + "（" + claim(s) + "）";
        if (s.upstream() != null) {
            text += "，由" + s.upstream().issuerZh() + "校准，证书编号 " + s.upstream().certificateNo() + "（"
                    + s.upstream().calibratedOn() + "）";
        }
        return text;
    }

    private static String enOne(ReferenceStandard s) {
        String text = s.code() + " " + s.nameEn() + " (" + claim(s) + ")";
        if (s.upstream() != null) {
            text += ", calibrated by " + s.upstream().issuerEn() + ", certificate " + s.upstream().certificateNo()
                    + " (" + s.upstream().calibratedOn() + ")";
        }
        return text;
    }

    private static String claim(ReferenceStandard s) {
        if (s.expandedUncertainty() != null) {
            String k = s.coverageFactor() == null ? "" : ", k = " + Formats.plain(s.coverageFactor());
            return "U = " + Formats.plain(s.expandedUncertainty()) + " " + s.unit() + k;
        }
        return s.accuracyClass();
    }
}
