package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.List;

/**
 * The traceability chain(s) of one standard on one date, up to the roots, with a verdict on every link.
 *
 * @param counts   whether the standard itself counts on the date (active, valid assessment certificate)
 * @param complete whether no link is broken (DESIGN.md: "a standard's chain is complete")
 */
public record Chain(long standardId, String code, LocalDate asOf, boolean counts, boolean complete,
        List<ChainNode> nodes, List<ChainLink> links) {

    public Chain {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }
}
