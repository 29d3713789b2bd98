package org.metrolims.app.web;

/**
 * One figure against its target, as the dashboard shows it. Public because the templates'
 * expression language calls its methods by reflection.
 *
 * @param counted how many there are
 * @param target  how many the plan asks for
 */
public record TargetProgress(long counted, long target) {

    /** How many are still missing; zero once the target is met (never negative). */
    public long gap() {
        return Math.max(0, target - counted);
    }

    public boolean met() {
        return counted >= target;
    }

    /**
     * Share of the target reached in whole percent, for the bar and the text: rounded to the
     * nearest, except that it stays at 99 until the target is really met (1999 of 2000 must not
     * read as 100%), and never above 100.
     */
    public int percent() {
        if (met()) {
            return 100;
        }
        return (int) Math.min(99, Math.round(counted * 100.0 / target));
    }
}
