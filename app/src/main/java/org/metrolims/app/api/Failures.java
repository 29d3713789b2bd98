package org.metrolims.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.Failure;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;
import org.metrolims.db.failure.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one place where a {@link Failure} becomes an answer, for every controller: RFC 9457 problem+json for the API
 * (any {@code @RestController} or {@code @ResponseBody} handler, and anything under {@code /api/}), the error page
 * with the same status for pages. The status follows the kind — invalid input 400, a rule 409, not found 404,
 * forbidden 403, a conflict 409 — and the texts come from the message bundles ({@code i18n/failure*.properties}) in
 * the asker's language, the English text of the failure being the fallback:
 * <ul>
 *   <li>{@code title}: {@code failure.title.<code>}, else {@code failure.title.<kind>};</li>
 *   <li>{@code detail}: the failure's message (for invalid input: which fields);</li>
 *   <li>{@code code}: the failure's stable code, when it has one;</li>
 *   <li>{@code errors[]}: {@code {field, message}} for each field the failure names;</li>
 *   <li>any further {@link Failure#details()} (e.g. {@code lockedUntil}).</li>
 * </ul>
 * Ahead of {@link ApiProblems} (which answers Spring's own binding and validation failures in the same shape), after
 * {@link org.metrolims.app.database.DatabaseOutage}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class Failures {

    private final MessageSource messages;

    public Failures(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({InvalidInput.class, RuleViolation.class, NotFound.class, Forbidden.class, Conflict.class})
    ResponseEntity<ProblemDetail> onFailure(Exception thrown, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Failure f = failureIn(thrown);
        if (answersWithBody(request)) {
            return problem(f);
        }
        response.sendError(status(f).value());
        return null;
    }

    /**
     * The failure itself, or the one it wraps: the handler is also chosen for a failure found among the causes, such
     * as one thrown by a record's constructor while the request body was read.
     */
    private static Failure failureIn(Exception thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Failure f) {
                return f;
            }
        }
        throw new IllegalArgumentException("no failure in " + thrown.getClass().getName());
    }

    /** The HTTP status of each kind of failure. */
    public static HttpStatus status(Failure failure) {
        return switch (failure) {
            case InvalidInput i -> HttpStatus.BAD_REQUEST;
            case RuleViolation r -> HttpStatus.CONFLICT;
            case NotFound n -> HttpStatus.NOT_FOUND;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case Conflict c -> HttpStatus.CONFLICT;
        };
    }

    /** The failure as problem+json, its texts in the asker's language. */
    public ResponseEntity<ProblemDetail> problem(Failure failure) {
        return problem(failure, messages);
    }

    /**
     * The failure as problem+json, its texts from {@code messages} in the asker's language (or in English when there
     * are no bundles, as in a handler built without a context).
     */
    static ResponseEntity<ProblemDetail> problem(Failure failure, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> fields = failure.fields().stream()
                .map(e -> new FieldProblem(e.field(), text(messages, e.message(), locale))).toList();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status(failure), detail(messages, failure, fields, locale));
        p.setTitle(title(messages, failure, locale));
        Map<String, Object> members = new LinkedHashMap<>();
        if (failure.code() != null) {
            members.put("code", failure.code());
        }
        if (!fields.isEmpty()) {
            members.put("errors", fields);
        }
        members.putAll(failure.details());
        p.setProperties(members);
        return Problems.respond(p);
    }

    /** A failure's message in the given language: its bundle key if a bundle has it, else its English text. */
    public String text(Message message, Locale locale) {
        return text(messages, message, locale);
    }

    private static String text(MessageSource messages, Message message, Locale locale) {
        String[] codes = message.key() == null ? null : new String[] {message.key()};
        return resolve(messages, codes, message.arguments().toArray(), message.text(), locale);
    }

    private static String detail(MessageSource messages, Failure failure, List<FieldProblem> fields, Locale locale) {
        if (failure instanceof InvalidInput) {
            String names = String.join(", ", fields.stream().map(FieldProblem::field).distinct().toList());
            return resolve(messages, new String[] {"failure.detail.invalid"}, new Object[] {names},
                    "Invalid " + names + ".", locale);
        }
        return text(messages, failure.message(), locale);
    }

    private static String title(MessageSource messages, Failure failure, Locale locale) {
        String kind = switch (failure) {
            case InvalidInput i -> "invalid";
            case RuleViolation r -> "rule";
            case NotFound n -> "notFound";
            case Forbidden f -> "forbidden";
            case Conflict c -> "conflict";
        };
        String english = switch (failure) {
            case InvalidInput i -> "Invalid request";
            case RuleViolation r -> "Not allowed now";
            case NotFound n -> "Not found";
            case Forbidden f -> "Forbidden";
            case Conflict c -> "Conflict";
        };
        String[] codes = failure.code() == null ? new String[] {"failure.title." + kind}
                : new String[] {"failure.title." + failure.code(), "failure.title." + kind};
        return resolve(messages, codes, null, english, locale);
    }

    private static String resolve(MessageSource messages, String[] codes, Object[] arguments, String english,
            Locale locale) {
        return messages == null ? english
                : messages.getMessage(new Resolvable(codes, arguments, english), locale);
    }

    /** The API and the pages' scripts read problem+json; a page gets the error page. */
    private static boolean answersWithBody(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h
                        && (h.hasMethodAnnotation(ResponseBody.class)
                                || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class));
    }

    /** A bundle look-up whose fallback is complete text, never a pattern (an English {@code '} stays as it is). */
    private static final class Resolvable extends DefaultMessageSourceResolvable {

        Resolvable(String[] codes, Object[] arguments, String text) {
            super(codes, arguments, text);
        }

        @Override
        public boolean shouldRenderDefaultMessage() {
            return false;
        }
    }
}
