/**
 * Deliberately-violating classes for {@code org.metrolims.app.BoundaryRulesBiteTest}: each breaks one boundary rule
 * (or is the allowed counterpart that must not be reported), laid out like the modules under a root of their own so
 * that the production rules, pointed at this root, judge them. Never used by any code; no Spring stereotypes, so the
 * application's component scan of {@code org.metrolims} ignores them.
 */
package org.metrolims.archfixture;
