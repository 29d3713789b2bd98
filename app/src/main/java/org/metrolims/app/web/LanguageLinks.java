package org.metrolims.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The language switcher's links ({@code languageLinks.en} and {@code .zhCN} in the layout, from {@link LayoutModel}):
 * the page's own query with {@code lang} set, so switching the language keeps every other parameter — the
 * verification page's {@code code} (what a QR code opens), a list's search, filters, sort and page. A relative
 * {@code ?…} link keeps the path.
 */
public record LanguageLinks(String en, String zhCN) {

    static LanguageLinks of(HttpServletRequest request) {
        String query = currentQuery(request);
        return new LanguageLinks("?" + withLanguage(query, "en"), "?" + withLanguage(query, "zh-CN"));
    }

    /** The raw (still encoded) query with every {@code lang} parameter replaced by one for the tag. */
    static String withLanguage(String query, String languageTag) {
        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty() || pair.equals("lang") || pair.startsWith("lang=")) {
                    continue;
                }
                kept.add(pair);
            }
        }
        kept.add("lang=" + languageTag);
        return String.join("&", kept);
    }

    private static String currentQuery(HttpServletRequest request) {
        // an error page is rendered on a forward: the query of the page the reader asked for
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        return forwarded instanceof String q ? q : request.getQueryString();
    }
}
