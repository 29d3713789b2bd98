package org.metrolims.app.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.metrolims.app.security.Role;
import org.metrolims.db.identity.Meaning;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.decision.Verdict;
import org.metrolims.calibration.instrument.InstrumentStatus;
import org.metrolims.calibration.interval.ReliabilityModel;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.Conformity;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.standard.StandardStatus;
import org.metrolims.calibration.traceability.LinkProblem;
import org.metrolims.calibration.traceability.scheme.SchemeVerdict;
import org.metrolims.calibration.uncertainty.Distribution;
import org.metrolims.calibration.uncertainty.EvaluationType;
import org.metrolims.db.identity.OrganizationKind;
import org.metrolims.db.reference.RegionLevel;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.statistics.Performance;
import org.metrolims.proficiency.statistics.ScoreType;
import org.metrolims.reports.certificate.CertificateStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The name of every enumeration constant and code a page shows, in the page's language: the one way templates show
 * a status, conformity, decision rule, level, kind, role, discipline, score type or method.
 *
 * <pre>
 *   ${@labels.of(c.status)}                       an enum: key enum.CalibrationStatus.APPROVED
 *   ${@labels.of('CalibrationStatus', row.status)} a code kept as text: the same key
 * </pre>
 * Disciplines and quantities are named from the reference data ({@link ReferenceNames}), other kinds from
 * {@code i18n/labels*.properties}; {@code LabelsTest} checks every constant of {@link #KINDS} has
 * one in both languages. A code without a key (a discipline added to the reference data tomorrow) shows humanised
 * ({@code TIME_FREQUENCY} → "Time frequency"), never as the raw code.
 */
@Component("labels")
public class Labels {

    /** The enumerations pages show, each labelled under its simple name. */
    public static final List<Class<? extends Enum<?>>> KINDS = List.of(CalibrationStatus.class, Conformity.class,
            InstrumentCondition.class, Verdict.class, DecisionRuleCode.class, InstrumentStatus.class,
            StandardLevel.class, StandardStatus.class, Distribution.class, EvaluationType.class,
            ReliabilityModel.class, Performance.class, ScoreType.class, RoundStatus.class, EnrolmentStatus.class,
            SchemeScoreType.class, AssignedValueMethod.class, SigmaPtMethod.class, ItemStudy.class,
            OrganizationKind.class, RegionLevel.class, CertificateStatus.class, Role.class, Meaning.class,
            LinkProblem.class, SchemeVerdict.class);

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final MessageSource messages;
    private final ReferenceNames names;

    public Labels(MessageSource messages, ReferenceNames names) {
        this.messages = messages;
        this.names = names;
    }

    /** The label of an enum constant; an empty string for null. */
    public String of(Enum<?> code) {
        return code == null ? "" : of(code.getDeclaringClass().getSimpleName(), code.name());
    }

    /** The label of a code of the given kind (an enum's simple name, or {@code Discipline}); "" for null. */
    public String of(String kind, Object code) {
        if (code == null) {
            return "";
        }
        // codes kept as text may be written in lower case or with hyphens ("u-shaped")
        String name = code instanceof Enum<?> e ? e.name()
                : code.toString().strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (name.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Optional<String> reference = names.name(kind, code.toString(), locale);
        if (reference.isPresent()) {
            return reference.get();
        }
        String label = messages.getMessage("enum." + kind + "." + name, null, null, locale);
        if (label != null) {
            return label;
        }
        // a code without a label reads as words; a sentence (a refusal's message) is shown as it is
        return CODE.matcher(code.toString()).matches() ? humanised(name) : code.toString();
    }

    /**
     * Every constant of a labelled enumeration with its label, as a JSON object, for a script that shows codes it
     * receives from the API ({@code {"PASS":"合格",…}}).
     */
    public String json(String kind) {
        Class<? extends Enum<?>> type = KINDS.stream().filter(k -> k.getSimpleName().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a labelled enumeration: " + kind));
        StringBuilder b = new StringBuilder("{");
        for (Enum<?> constant : type.getEnumConstants()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(quoted(constant.name())).append(':').append(quoted(of(constant)));
        }
        return b.append('}').toString();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** {@code TIME_FREQUENCY} → "Time frequency". */
    static String humanised(String code) {
        if (code.length() <= 3) {
            return code; // a short code people write as it is: E2, F1, M1
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
