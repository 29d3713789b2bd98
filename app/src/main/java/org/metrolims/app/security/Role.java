package org.metrolims.app.security;

/** The four roles of MetroLIMS; Spring Security sees them as authorities ROLE_&lt;name&gt;. */
public enum Role {
    /** Registers instruments, logs calibrations, sees what is due. */
    TECHNICIAN,
    /** Accreditation officer: schedules PT rounds, publishes scores, watches coverage. */
    OFFICER,
    /** A user of one organization (customer or accredited lab): sees only its own records. */
    LAB,
    /** Users, roles, organizations, regions, reference data. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
