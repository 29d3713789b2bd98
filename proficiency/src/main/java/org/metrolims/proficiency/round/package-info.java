/**
 * PT rounds and their life: scheduled in DRAFT, then OPEN, DISPATCHED, CLOSED, SCORED and REPORTED, each step checked
 * and audited. {@link org.metrolims.proficiency.round.ProficiencyRounds} is the entry point.
 */
package org.metrolims.proficiency.round;
