package org.metrolims.calibration.traceability;

/** No such standard, or none the user may see (a lab asking about another organization's standard). */
public class TraceabilityNotFoundException extends RuntimeException {

    public TraceabilityNotFoundException(long standardId) {
        super("No standard " + standardId);
    }
}
