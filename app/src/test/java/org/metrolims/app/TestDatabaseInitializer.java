package org.metrolims.app;

import org.metrolims.db.TestDatabase;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a schema of its own on the test database server (see
 * {@link TestDatabase}); the application's Flyway migrates it as it would in production.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.TestSchema schema = TestDatabase.newEmptySchema(MetroLimsApplication.class);
        TestPropertyValues.of(
                "spring.datasource.url=" + schema.url(),
                "spring.datasource.username=" + schema.username(),
                "spring.datasource.password=" + schema.password())
                .applyTo(context);
    }
}
