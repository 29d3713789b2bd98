package org.metrolims.calibration.traceability;

import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;

/** No such standard, or none the user may see (a lab asking about another organization's standard). */
public class TraceabilityNotFoundException extends NotFound {

    public TraceabilityNotFoundException(long standardId) {
        super(Message.of("failure.notFound.standard", "No standard " + standardId, standardId));
    }
}
