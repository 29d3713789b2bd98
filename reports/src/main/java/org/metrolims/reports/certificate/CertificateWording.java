package org.metrolims.reports.certificate;

import java.math.BigDecimal;
import java.util.List;
import org.metrolims.reports.certificate.CertificateFacts.PointFacts;

/** Turns a calibration's facts and its issue details into the worded, formatted content of the certificate. */
final class CertificateWording {

    private CertificateWording() {
    }

    static CertificateContent of(CertificateFacts f, IssueDetails d) {
        return of(f, d, d.signatory() + "（电子签名，含义：签发 Electronically signed, meaning: issued）");
    }

    /**
     * The content a certificate would have if issued now, for the preview a reviewer or signer reads before signing:
     * the same wording, but the signatory line says that nobody has signed.
     */
    static CertificateContent preview(CertificateFacts f, IssueDetails d) {
        return of(f, d, "预览，未签名、未签发 Preview: not signed, not issued (" + d.signatory() + ")");
    }

    private static CertificateContent of(CertificateFacts f, IssueDetails d, String signatoryLine) {
        List<CertificateRow> rows = f.points().stream().map(CertificateWording::row).toList();
        String accreditation = f.performer().accreditation() == null ? ""
                : "认可证书编号 Accreditation No.: " + f.performer().accreditation();
        String item = f.manufacturer() + " " + f.model() + "，出厂编号 Serial No. " + f.serialNo()
                + (f.assetNo() == null ? "" : "，资产编号 Asset No. " + f.assetNo());
        String customerAddress = f.customer().addressZh() == null ? null
                : f.customer().addressZh() + (f.customer().addressEn() == null ? "" : " / " + f.customer().addressEn());
        return new CertificateContent(f.performer().nameZh(), f.performer().nameEn(), nz(f.performer().addressZh()),
                nz(f.performer().addressEn()), accreditation, d.number(),
                d.revision() == 1 ? "" : "第 " + d.revision() + " 版 Revision " + d.revision(),
                f.customer().nameZh(), f.customer().nameEn(), customerAddress, f.itemZh(), f.itemEn(), item,
                f.receivedOn() == null ? "—" : f.receivedOn().toString(), f.calibratedOn().toString(),
                d.issuedOn().toString(), f.procedureCode() + "（校准记录 Calibration record " + f.calibrationNo()
                        + (f.calibrationRevision() > 1 ? " rev. " + f.calibrationRevision() : "") + "）",
                environment(f), TraceabilityStatement.zh(f.references(), f.calibratedOn())
                        + TraceabilityStatement.overridesZh(f.overrides()),
                TraceabilityStatement.en(f.references(), f.calibratedOn())
                        + TraceabilityStatement.overridesEn(f.overrides()),
                ConformityStatement.zh(f), ConformityStatement.en(f),
                signatoryLine,
                d.replacesRevision() == null ? null
                        : "本证书替代 " + d.number() + " 第 " + d.replacesRevision() + " 版，原证书作废。修订原因：" + d.reason(),
                d.replacesRevision() == null ? null
                        : "This certificate replaces " + d.number() + " revision " + d.replacesRevision()
                                + ", which is superseded. Reason for amendment: " + d.reason(),
                d.verificationCode(), d.verifyUrl(), rows);
    }

    private static CertificateRow row(PointFacts p) {
        String mean = "—";
        String error = "—";
        String u = "—";
        if (p.expandedUncertainty() != null) {
            BigDecimal rounded = Formats.uncertainty(p.expandedUncertainty());
            u = rounded.toPlainString();
            if (p.mean() != null) {
                mean = Formats.toDigitOf(p.mean(), rounded);
            }
            if (p.error() != null) {
                error = Formats.toDigitOf(p.error(), rounded);
            }
        } else {
            mean = p.mean() == null ? "—" : Formats.plain(p.mean());
            error = p.error() == null ? "—" : Formats.plain(p.error());
        }
        return new CertificateRow(Integer.toString(p.seq()), Formats.plain(p.nominal()), mean, error, u,
                p.coverageFactor() == null ? "—" : Formats.fixed(p.coverageFactor(), 2),
                p.coverageProbability() == null ? "—" : Formats.plain(p.coverageProbability() * 100) + " %",
                p.unit(), p.tolerance() == null ? "—" : "±" + Formats.plain(p.tolerance()) + " " + p.toleranceUnit(),
                ConformityStatement.decision(p.verdict(), p.conformity()));
    }

    private static String environment(CertificateFacts f) {
        String t = f.temperatureC() == null ? "—" : Formats.fixed(f.temperatureC(), 1) + " °C";
        String h = f.relativeHumidityPct() == null ? "—" : Formats.fixed(f.relativeHumidityPct(), 0) + " %";
        return "温度 Temperature: " + t + "，相对湿度 Relative humidity: " + h;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
