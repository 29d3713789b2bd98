/**
 * Who acts in MetroLIMS: organizations, user accounts and their roles, login failures, API tokens and electronic
 * signatures, one repository per table, all package-private. The entry points are {@link
 * org.metrolims.db.identity.Organizations}, {@link org.metrolims.db.identity.Accounts}, {@link
 * org.metrolims.db.identity.LoginFailures}, {@link org.metrolims.db.identity.ApiTokenRegister} and {@link
 * org.metrolims.db.identity.Signatures}; they take plain values (a user id, a user name, role names), and the web
 * module adapts them to Spring Security.
 */
package org.metrolims.db.identity;
