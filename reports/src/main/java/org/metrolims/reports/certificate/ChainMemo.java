package org.metrolims.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.metrolims.reports.certificate.CertificateFacts.ReferenceStandard;

/**
 * The traceability chains of a set of reference standards on a calibration day, remembered for the length of one
 * batch run: a lab's calibrations mostly share a few standards and days, and the chain walk (six statements a
 * level) is then done once per (standards, day) instead of once per certificate. Scoped to one run so that what a
 * certificate prints is what the database said while the batch ran; single certificates never share one.
 */
final class ChainMemo {

    private record Key(List<Long> standardIds, LocalDate day) {
    }

    private final Map<Key, List<ReferenceStandard>> chains;

    private ChainMemo(Map<Key, List<ReferenceStandard>> chains) {
        this.chains = chains;
    }

    /** Remembers nothing: every certificate walks its chains afresh. */
    static ChainMemo none() {
        return new ChainMemo(null);
    }

    /** Remembers for as long as it is referenced (one batch run); safe from the run's threads. */
    static ChainMemo forOneRun() {
        return new ChainMemo(new ConcurrentHashMap<>());
    }

    List<ReferenceStandard> get(List<Long> standardIds, LocalDate day, Supplier<List<ReferenceStandard>> walk) {
        if (chains == null) {
            return walk.get();
        }
        Key key = new Key(List.copyOf(standardIds), day);
        List<ReferenceStandard> known = chains.get(key);
        if (known != null) {
            return known;
        }
        List<ReferenceStandard> walked = walk.get();
        chains.putIfAbsent(key, walked);
        return walked;
    }
}
