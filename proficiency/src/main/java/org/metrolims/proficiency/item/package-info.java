/**
 * Homogeneity and stability studies of a round's items (ISO 13528 Annex B), entered once per study before the round is
 * scored, and their verdicts. {@link org.metrolims.proficiency.item.ItemStudies} is the entry point.
 */
package org.metrolims.proficiency.item;
