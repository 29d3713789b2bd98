package org.metrolims.archfixture.calibration.leaky;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** Breaks "domain modules use no web, servlet or security API": a domain class answering HTTP. */
public class LeakyController {

    public ResponseEntity<String> answer(HttpServletRequest request) {
        return ResponseEntity.ok(request.getRequestURI());
    }
}
