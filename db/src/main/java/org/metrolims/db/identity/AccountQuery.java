package org.metrolims.db.identity;

/**
 * Which accounts the administrators' table lists, and in what order.
 *
 * @param text    part of the user name, the name or the organization's code or name; null for any
 * @param role    a role the account holds (its code); null for any
 * @param enabled whether the account is enabled; null for both
 * @param sort    the order
 * @param descending the direction
 */
public record AccountQuery(String text, String role, Boolean enabled, Sort sort, boolean descending) {

    /** The orders of the list: a closed set mapped to columns in the repository; ties by the account's id. */
    public enum Sort { USERNAME, NAME, ORGANIZATION }
}
