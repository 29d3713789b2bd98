/**
 * Results of the enrolled labs: submissions as revisions until the deadline (the latest counts), late results accepted
 * by an officer. {@link org.metrolims.proficiency.result.PtResults} is the entry point.
 */
package org.metrolims.proficiency.result;
