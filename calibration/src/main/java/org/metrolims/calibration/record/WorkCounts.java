package org.metrolims.calibration.record;

/**
 * How much is waiting for one technician, per list of My work.
 *
 * @param toFinish my drafts not returned by a reviewer
 * @param returned my drafts a reviewer returned with a finding
 * @param toReview submitted records of my laboratory performed by someone else
 * @param toIssue approved records of my laboratory not yet on a certificate
 */
public record WorkCounts(long toFinish, long returned, long toReview, long toIssue) {

    public static final WorkCounts NONE = new WorkCounts(0, 0, 0, 0);

    public long total() {
        return toFinish + returned + toReview + toIssue;
    }
}
