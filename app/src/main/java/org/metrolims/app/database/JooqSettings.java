package org.metrolims.app.database;

import org.metrolims.db.MariaDbSession;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** jOOQ as every MetroLIMS connection expects it (see {@link MariaDbSession}). */
@Configuration(proxyBeanMethods = false)
class JooqSettings {

    @Bean
    DefaultConfigurationCustomizer metroLimsJooqSettings() {
        return configuration -> configuration.set(MariaDbSession.jooqSettings());
    }
}
