package org.metrolims.db.reference;

import java.util.List;

/** A metrology discipline (计量专业) with the quantities measured in it. */
public record Discipline(long id, String code, String nameZh, String nameEn, List<Quantity> quantities) {

    public Discipline {
        quantities = List.copyOf(quantities);
    }

    /** A measurable quantity and its coherent SI unit. */
    public record Quantity(long id, String code, String nameZh, String nameEn, String siUnit) {
    }
}
