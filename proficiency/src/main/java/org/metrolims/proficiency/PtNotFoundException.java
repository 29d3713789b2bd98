package org.metrolims.proficiency;

import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;

/** A scheme, round, enrolment or lab that the request names does not exist (or is not visible to the caller). */
public class PtNotFoundException extends NotFound {

    public PtNotFoundException(String what, Object key) {
        super(Message.of("failure.notFound.pt", what + " " + key + " not found", what, key));
    }
}
