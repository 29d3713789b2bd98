package org.metrolims.calibration.coverage;

import java.util.Optional;

/** A GB/T 2260 region as the coverage figures name it: id, code, names, level and its parent's code. */
public record RegionRow(long id, String code, String nameZh, String nameEn, String level,
        Optional<String> parentCode) {
}
