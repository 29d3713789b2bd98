package org.metrolims.calibration.instrument;

import org.metrolims.db.reference.RegionCode;

/**
 * Which instruments to list; every criterion is optional (null).
 *
 * @param region     the owner's region and everything inside it
 * @param discipline the discipline of the instrument type's quantity
 * @param owner      the owning organization's code
 * @param type       the instrument type's code
 * @param text       part of the manufacturer, model, serial or asset number, any case
 */
public record InstrumentFilter(RegionCode region, String discipline, String owner, String type,
        InstrumentStatus status, String text) {

    public static InstrumentFilter none() {
        return new InstrumentFilter(null, null, null, null, null, null);
    }
}
