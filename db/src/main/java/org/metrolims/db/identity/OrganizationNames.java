package org.metrolims.db.identity;

/** An organization's names in both languages. */
public record OrganizationNames(String zh, String en) {
}
