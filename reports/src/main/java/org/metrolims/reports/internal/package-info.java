/**
 * What the reports features share but nobody outside the module may call: the PDF export of every issued document
 * (certificates, PT documents, coverage reports), where the same content issued at the same instant gives the same
 * bytes ({@link org.metrolims.reports.internal.IssuedPdf}). The boundary test lets only {@code org.metrolims.reports}
 * and its feature packages use it.
 */
package org.metrolims.reports.internal;
