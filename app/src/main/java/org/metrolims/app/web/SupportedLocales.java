package org.metrolims.app.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the pages are written in: English (the default bundle) and Simplified Chinese.
 * Matching is by language only, so a browser asking for {@code zh}, {@code zh-TW} or
 * {@code zh-Hans-CN} gets the Chinese pages rather than falling through to English: Simplified
 * Chinese is the only Chinese we have, and it serves those readers better than English does.
 */
final class SupportedLocales {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> ALL = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private SupportedLocales() {
    }

    /** The supported locale for one requested locale, if its language is one we have. */
    static Optional<Locale> match(Locale requested) {
        return ALL.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst();
    }

    /**
     * The first of the browser's preferred locales (Accept-Language order, best first) that we
     * support; English when none is.
     */
    static Locale bestOf(Enumeration<Locale> preferred) {
        while (preferred.hasMoreElements()) {
            Optional<Locale> match = match(preferred.nextElement());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return ENGLISH;
    }
}
