package org.metrolims.calibration.record;

/** What a calibration needs to know of the instrument: its owner and the SI unit of its quantity. */
record InstrumentFacts(long id, long ownerOrganizationId, String quantitySiUnit) {
}
