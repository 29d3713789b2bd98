package org.metrolims.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real MariaDB schema of its own, without the demo province, driven
 * through MockMvc. Test classes that use it share one application context (and so one schema).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "lims.demo.enabled=false")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface AppTest {
}
