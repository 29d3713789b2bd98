/**
 * The verification schemes (国家计量检定系统表) and where the province's standards stand in them: the schemes, the standing of
 * each node of a chain, the province overview, and the standards' claimed levels. {@link
 * org.metrolims.calibration.traceability.scheme.VerificationSchemes} and {@link
 * org.metrolims.calibration.traceability.scheme.SchemeClaims} are the entry points.
 */
package org.metrolims.calibration.traceability.scheme;
