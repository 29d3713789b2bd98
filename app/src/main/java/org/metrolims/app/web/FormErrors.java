package org.metrolims.app.web;

import java.util.List;
import java.util.Locale;
import org.metrolims.db.failure.FieldError;
import org.metrolims.db.failure.InvalidInput;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

/**
 * What a bound page form did wrong, in the words of the person who sent it. A form is a class bound with
 * {@code @ModelAttribute} (Spring converts each field to its type and runs its Jakarta constraints) followed by a
 * {@link BindingResult}; a value that does not convert, or breaks a constraint, is an error on its field whose text
 * comes from the bundles ({@code i18n/forms*.properties}: {@code typeMismatch.java.time.LocalDate}, {@code NotBlank},
 * …), never a Java type name. A refusal by the domain ({@link InvalidInput}) joins the same result with
 * {@link #reject}, so the page shows one list and one message at each field.
 */
@Component
public class FormErrors {

    private final MessageSource messages;

    public FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** One field's error as the page shows it: the field's name in the form and the message in the asker's language. */
    public record FieldMessage(String field, String message) {
    }

    /** Every error of the form, in the order found, each with its message in the asker's language. */
    public List<FieldMessage> of(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.getAllErrors().stream().map(e -> new FieldMessage(field(e), messages.getMessage(e, locale)))
                .toList();
    }

    /** The first error as one line, {@code field: message}, for pages that show a refusal as a single line. */
    public String line(BindingResult result) {
        FieldMessage first = of(result).getFirst();
        return first.field() + ": " + first.message();
    }

    /**
     * Adds the domain's refusal to the form's errors: each field it names that the form has gets the message at that
     * field (by the failure's bundle key, with its English text when no bundle has the key); any other is an error of
     * the whole form.
     */
    public static void reject(BindingResult result, InvalidInput refusal) {
        var target = result.getTarget() == null ? null : PropertyAccessorFactory.forBeanPropertyAccess(result.getTarget());
        for (FieldError f : refusal.fields()) {
            String[] codes = f.message().key() == null ? new String[0] : new String[] {f.message().key()};
            Object[] args = f.message().arguments().toArray();
            if (target != null && target.isReadableProperty(f.field())) {
                result.rejectValue(f.field(), codes.length == 0 ? "invalid" : codes[0], args, f.message().text());
            } else {
                result.addError(new org.springframework.validation.FieldError(result.getObjectName(), f.field(), null,
                        false, codes, args, f.message().text()));
            }
        }
    }

    private static String field(ObjectError e) {
        return e instanceof org.springframework.validation.FieldError f ? f.getField() : e.getObjectName();
    }
}
