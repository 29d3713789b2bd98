package org.metrolims.db.identity;

/** A discipline an organization's scope may name: its code and names. */
public record DisciplineChoice(String code, String nameZh, String nameEn) {
}
