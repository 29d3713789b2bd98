package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrolims.calibration.traceability.TraceSummaryRepository.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintained summary of every standard's {@link StandardTrace}: when it counts and when its chain is complete.
 * The V15 triggers mark the standards a change touches (a calibration of their equipment approved, corrected or
 * withdrawn, a reference named, an instrument joining their equipment, their uncertainty, status or certificates);
 * {@link #refresh} recomputes those from the traceability graph, then the standards downstream as far as their
 * verdicts change. Readers refresh first, so the summary is never stale for them; the figures it gives are those of
 * {@link ChainAnalyzer} on the whole graph, which the tests check.
 */
@Service
public class TraceSummary {

    /** The latest day the database stores: "every calibration" when loading a graph. */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** Beyond this many marked standards, one load of the whole graph is cheaper than walking their subgraphs. */
    static final int WHOLE_GRAPH_FROM = 1500;
    /** Downstream rounds before giving up on walking and rebuilding everything (chains are a handful of levels). */
    static final int MAX_ROUNDS = 24;

    private final TraceabilityRepository graphs;
    private final TraceSummaryRepository repository;

    TraceSummary(TraceabilityRepository graphs, TraceSummaryRepository repository) {
        this.graphs = graphs;
        this.repository = repository;
    }

    /** What a refresh did: how many marks it read and how many standards it recomputed. */
    public record Refresh(int marks, int recomputed, boolean wholeGraph) {
    }

    /**
     * Brings the summary up to date with every committed change, in a transaction of its own (read committed, so it
     * sees what others committed meanwhile and never waits on their uncommitted marks). Cheap when nothing changed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public Refresh refresh() {
        if (!repository.anyChange()) {
            return new Refresh(0, 0, false);
        }
        repository.lock();
        List<Change> changes = repository.changes();
        if (changes.isEmpty()) {
            return new Refresh(0, 0, false);
        }
        Set<Long> marked = new HashSet<>();
        Set<Long> withDependents = new HashSet<>();
        boolean everything = false;
        for (Change c : changes) {
            everything |= c.standardId() == 0;
            marked.add(c.standardId());
            if (c.dependents()) {
                withDependents.add(c.standardId());
            }
        }
        Refresh done;
        if (everything || marked.size() > WHOLE_GRAPH_FROM) {
            done = new Refresh(changes.size(), rebuildAll(), true);
        } else {
            marked.addAll(repository.dependents(withDependents, LocalDate.MIN));
            done = recompute(marked, changes.size());
        }
        repository.forget(changes);
        return done;
    }

    /** Recomputes every standard from one load of the whole graph, writing only what differs from the stored. */
    private int rebuildAll() {
        TraceGraph graph = graphs.graphAsOf(LAST_DAY);
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        Map<Long, StandardTrace> computed = new HashMap<>();
        for (TraceGraph.StandardNode s : graph.standards()) {
            computed.put(s.id(), TraceTimeline.of(s, graph, analyzer));
        }
        Map<Long, StandardTrace> stored = repository.all();
        Set<Long> gone = new HashSet<>(stored.keySet());
        gone.removeAll(computed.keySet());
        repository.replace(changedOnly(computed, stored).values().stream().map(Changed::trace).toList(), gone);
        return computed.size();
    }

    /** The marked standards, then as many rounds downstream as verdicts change. */
    private Refresh recompute(Set<Long> marked, int marks) {
        Set<Long> todo = new HashSet<>(marked);
        int recomputed = 0;
        for (int round = 0; !todo.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                return new Refresh(marks, recomputed + rebuildAll(), true);
            }
            TraceGraph graph = graphs.subgraphAsOf(todo, LAST_DAY);
            ChainAnalyzer analyzer = new ChainAnalyzer(graph);
            Map<Long, StandardTrace> computed = new HashMap<>();
            Set<Long> gone = new HashSet<>();
            for (long id : todo) {
                Optional<TraceGraph.StandardNode> s = graph.standard(id);
                if (s.isPresent()) {
                    computed.put(id, TraceTimeline.of(s.get(), graph, analyzer));
                } else {
                    gone.add(id);
                }
            }
            recomputed += computed.size();
            Map<Long, StandardTrace> stored = repository.traces(todo);
            gone.retainAll(stored.keySet());
            Map<Long, Changed> changed = changedOnly(computed, stored);
            repository.replace(changed.values().stream().map(Changed::trace).toList(), gone);
            // a calibration done with a standard on a day its verdicts changed may now be judged differently
            Optional<LocalDate> from = changed.values().stream().map(Changed::from).min(LocalDate::compareTo);
            todo = from.isEmpty() ? Set.of() : repository.dependents(changed.keySet(), from.get());
        }
        return new Refresh(marks, recomputed, false);
    }

    private record Changed(StandardTrace trace, LocalDate from) {
    }

    /** The computed traces that differ from the stored ones, each with the first day they differ on. */
    private static Map<Long, Changed> changedOnly(Map<Long, StandardTrace> computed, Map<Long, StandardTrace> stored) {
        Map<Long, Changed> out = new HashMap<>();
        StandardTrace none = new StandardTrace(0, List.of(), List.of());
        for (StandardTrace t : computed.values()) {
            StandardTrace before = stored.getOrDefault(t.standardId(), none);
            List<LocalDate> firsts = new ArrayList<>();
            TraceTimeline.firstDifference(t.counts(), before.counts()).ifPresent(firsts::add);
            TraceTimeline.firstDifference(t.complete(), before.complete()).ifPresent(firsts::add);
            firsts.stream().min(LocalDate::compareTo).ifPresent(d -> out.put(t.standardId(), new Changed(t, d)));
        }
        return out;
    }

    /**
     * Every standard's trace restricted to the ranges touching the days from {@code first} to {@code last} (a
     * standard with none there is absent), after a refresh.
     */
    @Transactional(readOnly = true)
    public Map<Long, StandardTrace> traces(LocalDate first, LocalDate last) {
        return repository.overlapping(first, last);
    }

    /** Recomputes everything, whatever is marked (after a bulk load, or to check the maintained summary). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public Refresh rebuild() {
        repository.lock();
        List<Change> changes = repository.changes();
        int recomputed = rebuildAll();
        repository.forget(changes);
        return new Refresh(changes.size(), recomputed, true);
    }
}
