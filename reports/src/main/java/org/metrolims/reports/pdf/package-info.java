/**
 * PDF export shared by every issued document: the same content issued at the same instant gives the same bytes ({@link
 * org.metrolims.reports.pdf.IssuedPdf}).
 */
package org.metrolims.reports.pdf;
