package org.metrolims.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.impl.AbstractConverter;

/**
 * The one converter between a {@code TIMESTAMP} column and {@link Instant}: the column holds the
 * instant as its UTC wall-clock time (every session runs at {@code +00:00}, see
 * {@link MariaDbSession}). The jOOQ generator attaches it as a forced type to the columns that
 * record when something happened, so repositories read and write {@code Instant} directly.
 */
public final class UtcInstantConverter extends AbstractConverter<LocalDateTime, Instant> {

    public UtcInstantConverter() {
        super(LocalDateTime.class, Instant.class);
    }

    @Override
    public Instant from(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    @Override
    public LocalDateTime to(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
