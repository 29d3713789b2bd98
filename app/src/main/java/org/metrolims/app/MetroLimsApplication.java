package org.metrolims.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** MetroLIMS: the metrology and testing-lab management system of a province. */
@SpringBootApplication(scanBasePackages = "org.metrolims")
@ConfigurationPropertiesScan("org.metrolims")
public class MetroLimsApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetroLimsApplication.class, args);
    }
}
