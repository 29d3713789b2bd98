package org.metrolims.app.registry;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Names of the codes the instrument pages show (statuses, conditions, verdicts, message kinds), from the bundles in
 * the page's language: {@code ${lbl.of('instrument.status', i.status)}} reads {@code instrument.status.IN_SERVICE}.
 * A code without a name shows humanised ({@code OUT_OF_SERVICE} → "Out of service"), never raw. The application-wide
 * labels bean replaces it when it is on this branch.
 */
public final class InstrumentLabels {

    private final MessageSource messages;
    private final Locale locale;

    InstrumentLabels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String of(String prefix, Object code) {
        if (code == null) {
            return "—";
        }
        String c = code instanceof Enum<?> e ? e.name() : code.toString();
        String humanised = c.isEmpty() ? c : c.charAt(0) + c.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return messages.getMessage(prefix + "." + c, null, humanised, locale);
    }
}
