package org.metrolims.app.instrument;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Names of the codes kept as text that the instrument page shows and the application-wide labels do not know (the
 * recall messages' kinds), from the bundles in the page's language: {@code ${lbl.of('instrument.recall.kind', m.kind)}}
 * reads {@code instrument.recall.kind.OVERDUE}. A code without a name shows humanised ("Due soon"), never raw.
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
