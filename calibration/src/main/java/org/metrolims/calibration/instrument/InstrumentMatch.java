package org.metrolims.calibration.instrument;

import java.util.List;

/**
 * What a lookup by serial number, asset number or a scanned instrument address found.
 *
 * @param exact whether the instruments match the text exactly (serial or asset number, any case); otherwise they
 *              contain it in their manufacturer, model, serial or asset number
 * @param total how many match in all ({@code instruments} holds the first of them); for exact matches at most
 *              one more than the lookup's limit, meaning "more"
 */
public record InstrumentMatch(List<Instrument> instruments, boolean exact, long total) {

    public InstrumentMatch {
        instruments = List.copyOf(instruments);
    }

    /** The instrument to go straight to: the only match. */
    public java.util.Optional<Instrument> unique() {
        return total == 1 && instruments.size() == 1 ? java.util.Optional.of(instruments.getFirst())
                : java.util.Optional.empty();
    }
}
