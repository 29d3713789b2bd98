/**
 * PT schemes: the discipline, the provider, how the assigned value and sigma_pt are set and which scores are given.
 * {@link org.metrolims.proficiency.scheme.ProficiencySchemes} is the entry point.
 */
package org.metrolims.proficiency.scheme;
