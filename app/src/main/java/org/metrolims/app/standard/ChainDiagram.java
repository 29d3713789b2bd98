package org.metrolims.app.standard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainLink;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.scheme.SchemeVerdict;
import org.metrolims.calibration.uncertainty.MeasurementFormat;

/**
 * A chain drawn as a layered graph: the roots on top, the standard asked about at the bottom, one row per depth,
 * nodes spread evenly in each row in the order the walk found them; links coloured by verdict (broken red,
 * warned amber, sound green). Geometry only; the template draws it.
 */
record ChainDiagram(int width, int height, List<Box> boxes, List<Edge> edges) {

    static final int BOX_W = 168;
    static final int BOX_H = 58;
    static final int GAP_X = 24;
    static final int ROW_H = 96;
    static final int MARGIN = 16;

    ChainDiagram {
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
    }

    /**
     * @param level the standard's level code (the page labels it), empty for a root or a missing node
     * @param sub the standard's U as the formatter writes it, empty when unknown
     * @param scheme the node's verification-scheme level ("E2"), empty when none
     * @param verdict where the node stands in its verification scheme, null when it has none
     * @param schemeCss {@code ok}, {@code flagged} (misplaced, reference not higher) or {@code none}
     */
    record Box(String key, double x, double y, String label, String level, String sub, String css, Long standardId,
            String scheme, SchemeVerdict verdict, String schemeCss) {
        public double textX() {
            return x + BOX_W / 2.0;
        }
    }

    record Edge(double x1, double y1, double x2, double y2, String css, String label) {
    }

    static ChainDiagram of(Chain chain) {
        Map<Integer, List<ChainNode>> rows = new HashMap<>();
        int maxDepth = 0;
        for (ChainNode n : chain.nodes()) {
            rows.computeIfAbsent(n.depth(), k -> new ArrayList<>()).add(n);
            maxDepth = Math.max(maxDepth, n.depth());
        }
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(2 * MARGIN + widest * (BOX_W + GAP_X) - GAP_X, 360);
        int height = 2 * MARGIN + maxDepth * ROW_H + BOX_H;
        Map<String, Box> byKey = new HashMap<>();
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
                String label = n.label().length() > 26 ? n.label().substring(0, 25) + "…" : n.label();
                String scheme = n.scheme().flatMap(st -> st.level()).orElse("");
                SchemeVerdict verdict = n.scheme().map(st -> st.verdict()).orElse(null);
                String schemeCss = n.scheme().map(st -> switch (st.verdict()) {
                    case OK -> "ok";
                    case MISPLACED, REFERENCE_NOT_HIGHER -> "flagged";
                    case NO_SCHEME -> "none";
                }).orElse("none");
                Box b = new Box(n.key(), left + i * (BOX_W + GAP_X), y, label, n.level().orElse(""), sub,
                        n.kind().name().toLowerCase(java.util.Locale.ROOT), n.standardId().orElse(null), scheme,
                        verdict, schemeCss);
                boxes.add(b);
                byKey.put(n.key(), b);
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
            String label = l.broken() ? String.join(", ", l.problems().stream().map(Enum::name).toList())
                    : l.calibrationNo().orElse("");
            edges.add(new Edge(from.x() + BOX_W / 2.0, from.y(), to.x() + BOX_W / 2.0, to.y() + BOX_H, css, label));
        }
        return new ChainDiagram(width, height, boxes, edges);
    }
}
