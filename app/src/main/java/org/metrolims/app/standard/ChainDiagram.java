package org.metrolims.app.standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainLink;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.scheme.SchemeVerdict;
import org.metrolims.calibration.uncertainty.MeasurementFormat;

/**
 * A chain drawn as a layered graph: the roots on top, the standard asked about at the bottom, one row per depth,
 * nodes spread evenly in each row in the order the walk found them; links coloured by verdict (broken red with the
 * reason, warned amber, sound green). Each node says what a reader needs without the chain's internal keys: the
 * standard's code (or the root's issuer), its level and U, and the certificate that ties it upward with its date
 * and validity. Geometry only; the template draws it at a readable size, in a box of its own that scrolls and zooms.
 *
 * @param names the reader's name of every node key (S12 → the standard's code), for the links table
 */
public record ChainDiagram(int width, int height, List<Box> boxes, List<Edge> edges, Map<String, String> names) {

    static final int BOX_W = 232;
    static final int BOX_H = 92;
    static final int GAP_X = 28;
    static final int ROW_H = 150;
    static final int MARGIN = 16;
    static final int LABEL_CHARS = 28;

    public ChainDiagram {
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
        names = Map.copyOf(names);
    }

    /**
     * @param level the standard's level code (the page labels it), empty for a root or a missing node
     * @param sub the standard's U as the formatter writes it, empty when unknown
     * @param certificate the certificate that ties the node upward (for a root: the NMI's certificate), empty when none
     * @param calibratedOn that certificate's calibration date, null when none
     * @param validUntil until when it is valid, null when none
     * @param scheme the node's verification-scheme level ("E2"), empty when none
     * @param verdict where the node stands in its verification scheme, null when it has none
     * @param schemeCss {@code ok}, {@code flagged} (misplaced, reference not higher) or {@code none}
     */
    public record Box(String key, double x, double y, String label, String level, String sub, String css, Long standardId,
            String certificate, LocalDate calibratedOn, LocalDate validUntil, String scheme, SchemeVerdict verdict,
            String schemeCss) {
        public double textX() {
            return x + BOX_W / 2.0;
        }

        public int w() {
            return BOX_W;
        }

        public int h() {
            return BOX_H;
        }
    }

    /**
     * @param problem the first problem's code when the link is broken (the page names it in words), else null
     * @param label the calibration's number when the link is sound or warned
     */
    public record Edge(double x1, double y1, double x2, double y2, String css, String problem, String label) {
        public double midX() {
            return (x1 + x2) / 2;
        }

        public double midY() {
            return (y1 + y2) / 2;
        }
    }

    public static ChainDiagram of(Chain chain) {
        Map<Integer, List<ChainNode>> rows = new HashMap<>();
        int maxDepth = 0;
        for (ChainNode n : chain.nodes()) {
            rows.computeIfAbsent(n.depth(), k -> new ArrayList<>()).add(n);
            maxDepth = Math.max(maxDepth, n.depth());
        }
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(2 * MARGIN + widest * (BOX_W + GAP_X) - GAP_X, 2 * MARGIN + BOX_W);
        int height = 2 * MARGIN + maxDepth * ROW_H + BOX_H;
        Map<String, Box> byKey = new HashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Box> boxes = new ArrayList<>();
        for (var row : rows.entrySet()) {
            List<ChainNode> nodes = row.getValue();
            double rowWidth = nodes.size() * (BOX_W + GAP_X) - GAP_X;
            double left = (width - rowWidth) / 2.0;
            double y = MARGIN + (maxDepth - row.getKey()) * ROW_H;
            for (int i = 0; i < nodes.size(); i++) {
                ChainNode n = nodes.get(i);
                String sub = n.expandedUncertainty()
                        .map(u -> "U = " + MeasurementFormat.uncertainty(u, n.unit().orElse(null))).orElse("");
                String label = fit(n.label());
                String scheme = n.scheme().flatMap(st -> st.level()).orElse("");
                SchemeVerdict verdict = n.scheme().map(st -> st.verdict()).orElse(null);
                String schemeCss = n.scheme().map(st -> switch (st.verdict()) {
                    case OK -> "ok";
                    case MISPLACED, REFERENCE_NOT_HIGHER -> "flagged";
                    case NO_SCHEME -> "none";
                }).orElse("none");
                Optional<ChainLink> tie = tie(chain, n);
                String certificate = tie.flatMap(l -> n.kind() == ChainNode.Kind.ROOT
                        ? l.externalCertificateNo().or(l::calibrationNo) : l.calibrationNo()).orElse("");
                Box b = new Box(n.key(), left + i * (BOX_W + GAP_X), y, label, n.level().orElse(""), sub,
                        n.kind().name().toLowerCase(java.util.Locale.ROOT), n.standardId().orElse(null),
                        certificate, tie.flatMap(ChainLink::calibratedOn).orElse(null),
                        tie.flatMap(ChainLink::validUntil).orElse(null), scheme, verdict, schemeCss);
                boxes.add(b);
                byKey.put(n.key(), b);
                names.put(n.key(), n.label());
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (ChainLink l : chain.links()) {
            Box from = byKey.get(l.from());
            Box to = byKey.get(l.to());
            if (from == null || to == null) {
                continue;
            }
            String css = l.broken() ? "broken" : l.warnings().isEmpty() ? "sound" : "warned";
            edges.add(new Edge(from.x() + BOX_W / 2.0, from.y(), to.x() + BOX_W / 2.0, to.y() + BOX_H, css,
                    l.broken() ? l.problems().getFirst().name() : null, l.calibrationNo().orElse("")));
        }
        return new ChainDiagram(width, height, boxes, edges, names);
    }

    /**
     * The label cut to what fits a box at 14 px: {@value #LABEL_CHARS} Latin characters, a CJK character counting as
     * two (an NMI's bilingual name would otherwise run out of its box).
     */
    static String fit(String label) {
        double used = 0;
        for (int i = 0; i < label.length(); i++) {
            used += Character.UnicodeScript.of(label.charAt(i)) == Character.UnicodeScript.HAN
                    || label.charAt(i) > 0x2E80 ? 2 : 1;
            if (used > LABEL_CHARS) {
                return label.substring(0, Math.max(1, i - 1)) + "…";
            }
        }
        return label;
    }

    /** The link that ties a node upward (a standard's first equipment calibration), or into a root (its NMI's). */
    private static Optional<ChainLink> tie(Chain chain, ChainNode n) {
        return chain.links().stream()
                .filter(l -> n.kind() == ChainNode.Kind.ROOT ? l.to().equals(n.key()) : l.from().equals(n.key()))
                .findFirst();
    }

    /**
     * When each item of the standard's own equipment is next due: the validity of the calibration that ties it
     * upward in the chain, by instrument id (absent when it has none).
     */
    public static Map<Long, LocalDate> dueDates(Chain chain) {
        String self = chain.nodes().stream().filter(n -> n.depth() == 0).map(ChainNode::key).findFirst().orElse("");
        Map<Long, LocalDate> due = new HashMap<>();
        for (ChainLink l : chain.links()) {
            if (l.from().equals(self) && l.validUntil().isPresent()) {
                due.merge(l.instrumentId(), l.validUntil().get(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return due;
    }
}
