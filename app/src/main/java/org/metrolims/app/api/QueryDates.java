package org.metrolims.app.api;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in request parameters ({@code asOf}, {@code from}, {@code on}, …) are read as ISO dates and must lie between
 * {@link #EARLIEST} and {@link #LATEST}: nothing this system records is older, and a year like 1000002025 would
 * otherwise reach the database (whose dates end in 9999) or overflow the date arithmetic. A date outside is a 400
 * naming the parameter, like any other unreadable one.
 */
@Configuration(proxyBeanMethods = false)
class QueryDates implements WebMvcConfigurer {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // registered after Spring's own, so it is tried first for @DateTimeFormat LocalDate parameters
        registry.addFormatterForFieldAnnotation(new Bounded());
    }

    static LocalDate check(LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("a date from " + EARLIEST + " to " + LATEST + ", got " + date);
        }
        return date;
    }

    private static final class Bounded implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory iso =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return iso.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = iso.getParser(annotation, fieldType);
            return (text, locale) -> check((LocalDate) parser.parse(text, locale));
        }
    }
}
