package org.metrolims.app.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is running: the release, and the Java it runs on. */
@RestController
@Tag(name = "System")
class VersionController {

    /** Version information of the running application. */
    record Version(String name, String version, String buildTime, String java) {
    }

    private final Optional<BuildProperties> build;

    VersionController(ObjectProvider<BuildProperties> build) {
        this.build = Optional.ofNullable(build.getIfAvailable());
    }

    @GetMapping("/api/version")
    @Operation(summary = "Application name, version and build time")
    Version version() {
        return new Version("MetroLIMS",
                build.map(BuildProperties::getVersion).orElse("development"),
                build.map(b -> String.valueOf(b.getTime())).orElse(null),
                Runtime.version().toString());
    }
}
