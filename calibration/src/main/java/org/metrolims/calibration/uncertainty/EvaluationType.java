package org.metrolims.calibration.uncertainty;

/** How a standard uncertainty was evaluated (JCGM 100:2008 2.3.2, 2.3.3). */
public enum EvaluationType {
    /** By the statistical analysis of series of observations (JCGM 100:2008 4.2). */
    A,
    /** By other means: certificates, specifications, limits, experience (JCGM 100:2008 4.3). */
    B
}
