package org.metrolims.db;

import org.jooq.conf.Settings;

/**
 * How every MetroLIMS connection to MariaDB is set up, whichever server it talks to.
 *
 * <p>jOOQ emulates nested collections ({@code multiset}) on MariaDB with GROUP_CONCAT, whose
 * result MariaDB silently truncates at {@code group_concat_max_len} (1 MB by default). jOOQ's own
 * remedy sends a multi-statement batch, which needs {@code allowMultiQueries} — a door we keep
 * shut. Instead each connection raises the limit once when it opens, and jOOQ is told not to.
 * Timestamps are read and written in UTC.
 */
public final class MariaDbSession {

    /** Run on every new connection (Hikari's connection-init-sql). */
    public static final String INIT_SQL =
            "SET SESSION time_zone = '+00:00', SESSION group_concat_max_len = 4294967295";

    private MariaDbSession() {}

    /** jOOQ settings that go with {@link #INIT_SQL}. */
    public static Settings jooqSettings() {
        return new Settings().withRenderGroupConcatMaxLenSessionVariable(false);
    }
}
