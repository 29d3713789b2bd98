package org.metrolims.calibration.standard;

import java.time.LocalDate;
import org.metrolims.db.reference.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The province's standard counts. A standard <em>counts</em> on a date when its assessment
 * certificate (计量标准考核证书) is valid on that date and its status on that date is active.
 */
@Service
public class StandardCounts {

    private final StandardCountRepository repository;

    StandardCounts(StandardCountRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public StandardCount on(LocalDate asOf, RegionCode region) {
        return repository.countOn(asOf, region);
    }

    /** The count in one metrology discipline (its code, e.g. {@code MECHANICS}), or all when empty. */
    @Transactional(readOnly = true)
    public StandardCount on(LocalDate asOf, RegionCode region, java.util.Optional<String> disciplineCode) {
        return repository.countOn(asOf, region, disciplineCode);
    }
}
