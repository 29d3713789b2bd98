package org.metrolims.proficiency.statistics;

/** Classification of a performance score. */
public enum Performance {
    SATISFACTORY,
    QUESTIONABLE,
    UNSATISFACTORY;

    /**
     * z, z' or zeta: |score| &lt;= 2 satisfactory, 2 &lt; |score| &lt; 3 questionable (warning signal), |score| &gt;= 3
     * unsatisfactory (action signal). ISO 13528:2022 9.4.2 (applied to z' in 9.5 and zeta in 9.6).
     */
    public static Performance ofScore(double score) {
        double a = Math.abs(score);
        if (a <= 2) {
            return SATISFACTORY;
        }
        return a < 3 ? QUESTIONABLE : UNSATISFACTORY;
    }

    /**
     * E_n: |E_n| &lt;= 1 satisfactory, |E_n| &gt; 1 unsatisfactory (MetroLIMS rule, as in CNAS-GL002). ISO 13528:2022
     * 9.7.2 draws the line the other way at exactly 1 (|E_n| &gt;= 1.0 is an action signal); the two differ only for
     * |E_n| = 1 exactly.
     */
    public static Performance ofEn(double en) {
        return Math.abs(en) <= 1 ? SATISFACTORY : UNSATISFACTORY;
    }
}
