/**
 * Calibration interval analysis (NCSLI RP-1, ILAC G24): the reliability models fitted to an instrument type's as-found
 * history and the interval they recommend (pure Java), and the technician's decision on the recommendation through
 * {@link org.metrolims.calibration.interval.IntervalAnalyses}, the entry point.
 */
package org.metrolims.calibration.interval;
