/**
 * The database of MetroLIMS: the Flyway migrations that own the MariaDB schema, the jOOQ classes generated from them
 * (package {@code org.metrolims.db.jooq}, never edited by hand and used only by repositories), the embedded MariaDB
 * server ({@link org.metrolims.db.EmbeddedMariaDb}) that the app and the tests start when no server is configured, the
 * session settings every connection gets ({@link org.metrolims.db.MariaDbSession}), and the paging values ({@link
 * org.metrolims.db.PageRequest}, {@link org.metrolims.db.Page}) every list uses.
 */
package org.metrolims.db;
