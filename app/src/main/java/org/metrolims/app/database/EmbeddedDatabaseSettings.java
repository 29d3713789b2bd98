package org.metrolims.app.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its data (used only when no {@code spring.datasource.url} is set).
 *
 * @param dataDir  data folder, kept across restarts
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param database name of the schema the application uses
 */
@ConfigurationProperties("lims.db")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./data/mariadb") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("lims") String database) {
}
