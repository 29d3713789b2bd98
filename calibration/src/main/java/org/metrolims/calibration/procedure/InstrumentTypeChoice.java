package org.metrolims.calibration.procedure;

/** An instrument type a template may be for, with the SI unit of its quantity. */
public record InstrumentTypeChoice(long id, String code, String nameZh, String nameEn, String quantitySiUnit) {
}
