package org.metrolims.app.proficiency;

import java.time.Instant;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.demo.PtRoundPublishing;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo province publishes its PT rounds as the officer does on the round page: through {@link PtPublication},
 * which confirms the signer's password and signs, with the officer loaded as the application authenticates users.
 */
@Component
class PtPublishingForDemo implements PtRoundPublishing {

    private final PtPublication publication;
    private final UserDetailsService users;

    PtPublishingForDemo(PtPublication publication, UserDetailsService users) {
        this.publication = publication;
        this.users = users;
    }

    @Override
    public void publish(String username, long roundId, String password, Instant at) {
        publication.publish((MetroLimsUser) users.loadUserByUsername(username), roundId, password, at);
    }
}
