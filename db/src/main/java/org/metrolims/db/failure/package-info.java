/**
 * The one vocabulary for a refused request, shared by every module: {@link org.metrolims.db.failure.Failure} and its
 * five kinds — {@link org.metrolims.db.failure.InvalidInput} (naming its field or fields),
 * {@link org.metrolims.db.failure.RuleViolation} (a rule, by a stable code), {@link org.metrolims.db.failure.NotFound},
 * {@link org.metrolims.db.failure.Forbidden} and {@link org.metrolims.db.failure.Conflict}. It lives in {@code db}
 * because that is the module every other one depends on, and it is plain Java (no Spring, no web) so that the maths
 * packages may throw it too. What a person reads is a {@link org.metrolims.db.failure.Message}: a message-bundle key
 * with its arguments, and the English text for when the bundle has no such key. The web module maps the family to
 * problem+json and to the error page in one place; no feature has its own handler.
 */
package org.metrolims.db.failure;
