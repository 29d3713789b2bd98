/**
 * The append-only audit trail (ISO/IEC 17025 7.11): {@link org.metrolims.db.audit.AuditTrail} writes one {@link
 * org.metrolims.db.audit.AuditEntry} per change, who, when, what and the record's state before and after as JSON,
 * inside the caller's transaction, so that a change and its audit line commit or roll back together.
 */
package org.metrolims.db.audit;
