package org.metrolims.proficiency;

/** A scheme, round, enrolment or lab that the request names does not exist (or is not visible to the caller). */
public class PtNotFoundException extends RuntimeException {

    public PtNotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
    }
}
