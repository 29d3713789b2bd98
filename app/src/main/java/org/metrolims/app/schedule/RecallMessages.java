package org.metrolims.app.schedule;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** The in-app messages the recall job left for an organization, newest first: what the lab portal shows. */
@Component
public class RecallMessages {

    /** One message: its kind (DUE_SOON, OVERDUE, CERTIFICATE_EXPIRING…), subject, text and when it was left. */
    public record Message(String kind, String subject, String body, LocalDateTime createdAt) {
    }

    private final RecallRepository repository;

    RecallMessages(RecallRepository repository) {
        this.repository = repository;
    }

    public List<Message> latest(long organizationId, int limit) {
        return repository.messages(organizationId, limit).stream()
                .map(m -> new Message(m.kind(), m.subject(), m.body(), m.createdAt())).toList();
    }
}
