package org.metrolims.app.web;

/**
 * The signed-in user as the page header shows them. Public because the templates' expression
 * language reads it by reflection.
 *
 * @param username     the login name
 * @param displayName  the person's name, or the login name when the account has none
 * @param organization the code of the user's organization, or null when unknown
 */
public record SignedInUser(String username, String displayName, String organization) {
}
