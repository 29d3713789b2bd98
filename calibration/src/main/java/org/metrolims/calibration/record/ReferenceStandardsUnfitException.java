package org.metrolims.calibration.record;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reference standards unfit on the calibration date were named without a documented override; nothing is stored.
 * The field is {@code referenceStandardIds}; {@link #unfit()} says which standards and why, so that a page can word
 * it in the user's language and offer the override.
 */
public class ReferenceStandardsUnfitException extends CalibrationInputException {

    private final transient List<UnfitReference> unfit;

    public ReferenceStandardsUnfitException(List<UnfitReference> unfit) {
        super("referenceStandardIds", unfit.stream().map(UnfitReference::describe).collect(Collectors.joining("; "))
                + ". Use another standard, or override with a documented reason per standard (referenceOverrides)");
        this.unfit = List.copyOf(unfit);
    }

    public List<UnfitReference> unfit() {
        return unfit;
    }
}
