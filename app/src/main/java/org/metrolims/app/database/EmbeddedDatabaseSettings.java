package org.metrolims.app.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its data (used only when no {@code spring.datasource.url} is set).
 *
 * @param dataDir                    data folder, kept across restarts (it also holds the application account's
 *                                   password, mode 0600)
 * @param port                       TCP port on 127.0.0.1; 0 picks a free one (kept across restarts of the server)
 * @param database                   name of the schema the application uses
 * @param innodbFlushLogAtTrxCommit  1 (the default): every commit is on disk before it is acknowledged; 2 or 0 are
 *                                   faster and lose up to a second of acknowledged commits in an operating-system
 *                                   crash (2) or a server crash (0) — for benchmarks and throw-away data only
 * @param keepAliveInterval          how often the app checks that the server runs, restarting it when it does not (0: never)
 */
@ConfigurationProperties("lims.db")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./data/mariadb") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("lims") String database,
        @DefaultValue("1") int innodbFlushLogAtTrxCommit,
        @DefaultValue("1s") Duration keepAliveInterval) {
}
