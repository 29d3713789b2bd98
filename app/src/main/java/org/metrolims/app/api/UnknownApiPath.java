package org.metrolims.app.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any /api path no endpoint claims: a 404 problem+json rather than the HTML error page. More
 * specific mappings always win over this pattern.
 */
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    void notFound() {
        throw new ErrorResponseException(HttpStatus.NOT_FOUND);
    }
}
