package org.metrolims.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The whole application starts on a real MariaDB, migrated, with its API documented. */
@AppTest
class MetroLimsApplicationTest {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;

    @Test
    void startsOnTheConfiguredDatabaseWithoutAnEmbeddedServer() {
        assertThat(context.getBeanNamesForType(org.metrolims.db.EmbeddedMariaDb.class)).isEmpty();
        assertThat(flyway.info().current()).isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void publishesAnOpenApiDocumentOfTheRestApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("someone").roles("TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/regions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/organizations'].get").exists())
                .andExpect(jsonPath("$.paths['/api/disciplines'].get").exists())
                .andExpect(jsonPath("$.paths['/api/version'].get").exists());
    }

    @Test
    void theApiDocumentationNeedsALogin() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void reportsItsVersionAndJava() throws Exception {
        mvc.perform(get("/api/version").with(user("someone").roles("LAB")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("0.1.0-SNAPSHOT"))
                .andExpect(jsonPath("$.java").isString());
    }
}
