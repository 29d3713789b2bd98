package org.metrolims.app.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code lims.http.*}); a larger one is refused with 413 before it is read.
 * Multipart uploads are bounded by Spring's {@code spring.servlet.multipart.*} instead.
 *
 * @param maxBodySize       any request body
 * @param maxImportBodySize the body of a bulk import (the paths in {@code importPaths})
 * @param importPaths       the POST paths that are bulk imports
 */
@ConfigurationProperties("lims.http")
public record HttpLimits(
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("32MB") DataSize maxImportBodySize,
        @DefaultValue({"/api/instruments/import", "/api/standards/import", "/api/calibrations/import",
                "/api/coverage/demand"}) List<String> importPaths) {

    public HttpLimits {
        importPaths = List.copyOf(importPaths);
    }

    /** The limit in bytes for a request to this path with this method. */
    long limitFor(String method, String path) {
        return "POST".equals(method) && importPaths.contains(path) ? maxImportBodySize.toBytes() : maxBodySize.toBytes();
    }
}
