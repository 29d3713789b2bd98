/**
 * Procedure templates: an institute's working form of a verification regulation or calibration specification (JJG/JJF
 * code) — the test points, their tolerances (MPE) and the Type B part of each point's uncertainty budget — that
 * pre-fills a new calibration, so that the technician only types readings. Templates are kept by the technicians of
 * their organization, versioned (an edit is a new version; old versions stay, read-only, and a calibration names the
 * version it followed) and audited. {@link org.metrolims.calibration.procedure.ProcedureTemplates} is the entry point.
 */
package org.metrolims.calibration.procedure;
