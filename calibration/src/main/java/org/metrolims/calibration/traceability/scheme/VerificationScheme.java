package org.metrolims.calibration.traceability.scheme;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification scheme (国家计量检定系统表, e.g. JJG 2053-2016 for mass): for one quantity, the levels from the
 * national primary standard down to working instruments, ordered by {@linkplain SchemeLevel#tier() tier}.
 */
public record VerificationScheme(long id, String code, String nameZh, String nameEn, String quantityCode,
        List<SchemeLevel> levels) {

    public VerificationScheme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(quantityCode, "quantityCode");
        levels = levels.stream().sorted(Comparator.comparingInt(SchemeLevel::tier)).toList();
    }

    /** The level with this id, if it belongs to this scheme. */
    public Optional<SchemeLevel> level(long levelId) {
        return levels.stream().filter(l -> l.id() == levelId).findFirst();
    }
}
