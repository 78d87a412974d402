package org.quotecheck.library;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.quotecheck.embedding.Embedder;
import org.quotecheck.library.ranking.Fusion;
import org.quotecheck.library.ranking.TextQuery;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.library.vectors.VectorIndex;
import org.quotecheck.semantic.PassageJob;
import org.quotecheck.semantic.SemanticModel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Library search on PostgreSQL and this instance's memory. Words: PostgreSQL full-text search over the passages of
 * every latest version (the GIN index on {@code source_passage.search_vector}). Meaning: the passages' quantised
 * vectors held in a {@link VectorIndex}, loaded once and then kept current version by version (at most a second
 * behind other instances, at once for versions made here). The two rankings are fused by reciprocal rank.
 */
@ApplicationScoped
public class PostgresLibrarySearch implements LibrarySearch {

    private static final Logger LOG = Logger.getLogger(PostgresLibrarySearch.class);
    /** Passages read from the full-text ranking. */
    static final int WORD_PASSAGES = 200;
    /**
     * Passages shortlisted by sign bits, then re-ranked by their quantised vectors: 1% of the library (at least 2,000,
     * at most 20,000), the share at which the shortlist keeps the true nearest neighbours (see the library notes).
     */
    static final int VECTOR_SHORTLIST = 2000;
    static final int MAX_SHORTLIST = 20_000;
    static final int VECTOR_PASSAGES = 200;
    /** Passages of a version handed to the verification engine from each ranking (with their neighbours). */
    static final int PASSAGES_PER_VERSION = 3;
    /** Versions loaded into memory per query. */
    private static final int LOAD_BATCH = 200;
    private static final long REFRESH_EVERY_NANOS = 1_000_000_000L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SemanticModel model;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private volatile VectorIndex index;
    private volatile long refreshedAt;
    private volatile boolean stale = true;

    /** Outside the caller's transaction: loading vectors reads in batches on a connection of its own. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<Candidate> candidates(String text, float[] vector, int limit) {
        Map<Long, List<Long>> byWords = byWords(text);
        Map<Long, List<Long>> byMeaning = new java.util.LinkedHashMap<>();
        if (vector != null && warm()) {
            refreshIfDue();
            VectorIndex current = index;
            if (current != null && current.dimensions() == vector.length) {
                int shortlist = Math.max(VECTOR_SHORTLIST, Math.min(MAX_SHORTLIST, current.size() / 100));
                VectorIndex.byGroup(current.search(vector, shortlist, VECTOR_PASSAGES))
                        .forEach((version, hits) -> byMeaning.put(version, hits.stream().map(VectorIndex.Hit::id).toList()));
            }
        }
        List<Candidate> fused = new ArrayList<>();
        for (Map.Entry<Long, Double> e : Fusion.reciprocalRank(List.of(List.copyOf(byWords.keySet()), List.copyOf(byMeaning.keySet())))
                .entrySet()) {
            java.util.LinkedHashSet<Long> passages = new java.util.LinkedHashSet<>();
            byWords.getOrDefault(e.getKey(), List.of()).stream().limit(PASSAGES_PER_VERSION).forEach(passages::add);
            byMeaning.getOrDefault(e.getKey(), List.of()).stream().limit(PASSAGES_PER_VERSION).forEach(passages::add);
            fused.add(new Candidate(e.getKey(), e.getValue(), List.copyOf(passages), byWords.containsKey(e.getKey()),
                    byMeaning.containsKey(e.getKey())));
            if (fused.size() == limit) {
                break;
            }
        }
        return fused;
    }

    /** Latest versions whose passages share the claim's words, best first, each with its matching passages. */
    private Map<Long, List<Long>> byWords(String text) {
        Map<Long, List<Long>> versions = new java.util.LinkedHashMap<>();
        TextQuery.Words words = TextQuery.words(text);
        if (words.words().isEmpty()) {
            return versions;
        }
        try (Connection c = dataSource.getConnection()) {
            TextQuery query = TextQuery.of(stems(c, words.words()), words.numbers(), commonWords(c)::share);
            if (query == null) {
                return versions;
            }
            // The lexemes are stemmed already: the 'simple' configuration takes them as they are.
            try (PreparedStatement s = c.prepareStatement("SELECT p.source_version_id, p.id FROM source_passage p"
                    + " JOIN source_version v ON v.id = p.source_version_id AND v.is_latest"
                    + " WHERE p.search_vector @@ to_tsquery('simple', ?) AND NOT p.is_window"
                    + " ORDER BY ts_rank(p.search_vector, to_tsquery('simple', ?)) DESC, p.id LIMIT ?")) {
                s.setString(1, query.filter());
                s.setString(2, query.rank());
                s.setInt(3, WORD_PASSAGES);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        versions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("library search by words failed", e);
        }
        return versions;
    }

    /** Each word as PostgreSQL's English configuration stems it, in order ("" for its stop words). */
    private static List<String> stems(Connection c, List<String> words) throws SQLException {
        List<String> stems = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(array_to_string(tsvector_to_array(to_tsvector('english', w)), ' '), '')"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i")) {
            s.setArray(1, c.createArrayOf("text", words.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stems.add(r.getString(1));
                }
            }
        }
        return stems;
    }

    /** The lexemes in the most passages and their shares, from PostgreSQL's statistics of the column (ANALYZE). */
    record CommonWords(Map<String, Double> shares, long readAt) {
        double share(String lexeme) {
            return shares.getOrDefault(lexeme, 0.0);
        }
    }

    private volatile CommonWords common = new CommonWords(Map.of(), 0);

    private CommonWords commonWords(Connection c) throws SQLException {
        CommonWords current = common;
        long age = System.nanoTime() - current.readAt();
        if (current.readAt() != 0 && age < (current.shares().isEmpty() ? 60L : 600L) * 1_000_000_000L) {
            return current;
        }
        Map<String, Double> shares = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
                + " WHERE schemaname = current_schema() AND tablename = 'source_passage' AND attname = 'search_vector'")) {
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getArray(1) != null) {
                    String[] elems = (String[]) r.getArray(1).getArray();
                    Float[] freqs = (Float[]) r.getArray(2).getArray();
                    for (int i = 0; i < elems.length && i < freqs.length; i++) {
                        shares.put(elems[i], freqs[i].doubleValue());
                    }
                }
            }
        }
        common = new CommonWords(Map.copyOf(shares), System.nanoTime());
        return common;
    }

    @Override
    public ProcessingSources processing(int limit) {
        String sql = "SELECT s.id, s.title, count(*) OVER () FROM source_version v JOIN source s ON s.id = v.source_id"
                + " WHERE v.is_latest AND v.passages_ready_at IS NULL ORDER BY v.created_at, v.id LIMIT ?";
        List<Processing> sources = new ArrayList<>();
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sources.add(new Processing(r.getLong(1), r.getString(2)));
                    total = r.getInt(3);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sources being processed", e);
        }
        return new ProcessingSources(sources, total);
    }

    /** How much of the library this instance holds in memory, for operators (and the benchmark). */
    void gauges(@Observes io.quarkus.runtime.StartupEvent started) {
        io.micrometer.core.instrument.Gauge.builder("quotecheck.library.vector.passages", this, s -> s.indexSize().passages())
                .description("Passages in this instance's vector index").register(meters);
        io.micrometer.core.instrument.Gauge.builder("quotecheck.library.vector.bytes", this, s -> s.indexSize().bytes())
                .description("Heap held by this instance's vector index").baseUnit("bytes").register(meters);
    }

    /** A version made searchable here: the next search loads it (other instances see it within a second). */
    void passagesReady(@Observes PassageJob.PassagesReady ready) {
        stale = true;
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void refresh() {
        stale = true;
        refreshIfDue();
        loaded = true;
    }

    /**
     * Whether the vectors are in memory. The first load of a large library takes a while (about 10 s a million
     * passages): it runs in the background from start-up, and until it is done a search goes by words only and says
     * so, rather than keeping its user waiting. Jobs ({@link #refresh()}) wait for it.
     */
    @Override
    public boolean vectorsReady() {
        return loaded || model.embedder().isEmpty();
    }

    private boolean warm() {
        if (!loaded) {
            startWarmUp();
        }
        return loaded;
    }

    private volatile boolean loaded;
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();

    void warmUpAtStart(@Observes io.quarkus.runtime.StartupEvent started) {
        startWarmUp();
    }

    private void startWarmUp() {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                // The model loads in the background too: the index takes its dimensions from it.
                while (model.availability() == SemanticModel.Availability.LOADING) {
                    Thread.sleep(200);
                }
                if (model.embedder().isPresent()) {
                    refreshIfDue();
                    loaded = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("The library's vectors could not be loaded yet (%s); searches go by words until they are", e.getMessage());
            } finally {
                warming.set(false);
            }
        }, "quotecheck-library-warm-up");
        loader.setDaemon(true);
        loader.start();
    }

    private void refreshIfDue() {
        if (!stale && System.nanoTime() - refreshedAt < REFRESH_EVERY_NANOS) {
            return;
        }
        synchronized (this) {
            if (!stale && System.nanoTime() - refreshedAt < REFRESH_EVERY_NANOS) {
                return;
            }
            stale = false;
            Optional<Embedder> embedder = model.embedder();
            if (embedder.isEmpty()) {
                refreshedAt = System.nanoTime();
                return;
            }
            if (index == null || index.dimensions() != embedder.get().dimensions()) {
                index = new VectorIndex(embedder.get().dimensions());
            }
            try {
                sync(index);
            } catch (SQLException | RuntimeException e) {
                stale = true;
                throw new IllegalStateException("could not bring the library's vector index up to date", e);
            }
            refreshedAt = System.nanoTime();
        }
    }

    /** Drops versions that are no longer the latest (or gone) and loads those that became searchable. */
    private void sync(VectorIndex target) throws SQLException {
        long started = System.nanoTime();
        Set<Long> ready = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM source_version WHERE is_latest AND passages_ready_at IS NOT NULL")) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ready.add(r.getLong(1));
                }
            }
        }
        Set<Long> held = target.groups();
        target.removeAll(held.stream().filter(id -> !ready.contains(id)).toList());
        List<Long> missing = ready.stream().filter(id -> !held.contains(id)).sorted().toList();
        for (int from = 0; from < missing.size(); from += LOAD_BATCH) {
            load(target, missing.subList(from, Math.min(missing.size(), from + LOAD_BATCH)));
        }
        if (missing.size() > LOAD_BATCH) {
            LOG.infof("Library vector index: %,d versions loaded (%,d passages, %,d MB) in %,d ms", missing.size(),
                    target.size(), target.memoryBytes() >> 20, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void load(VectorIndex target, List<Long> versions) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT source_version_id, id, embedding_q, CASE WHEN embedding_q IS NULL THEN embedding END"
                        + " FROM source_passage WHERE source_version_id = ANY (?) AND embedding IS NOT NULL"
                        + " ORDER BY source_version_id, id")) {
            c.setAutoCommit(false); // the fetch size is honoured inside a transaction only
            s.setArray(1, c.createArrayOf("bigint", versions.toArray()));
            s.setFetchSize(5_000);
            try (ResultSet r = s.executeQuery()) {
                List<VectorIndex.Group> groups = new ArrayList<>();
                long group = -1;
                List<Long> ids = new ArrayList<>();
                List<byte[]> vectors = new ArrayList<>();
                Set<Long> loaded = new HashSet<>();
                while (r.next()) {
                    long version = r.getLong(1);
                    if (version != group && group != -1) {
                        groups.add(group(group, ids, vectors));
                        loaded.add(group);
                        ids.clear();
                        vectors.clear();
                    }
                    group = version;
                    ids.add(r.getLong(2));
                    byte[] encoded = r.getBytes(3);
                    vectors.add(encoded != null ? encoded : QuantizedVector.encode(floats(r.getArray(4))));
                }
                if (group != -1) {
                    groups.add(group(group, ids, vectors));
                    loaded.add(group);
                }
                // Versions with no vectors at all (made while no model was available) are held empty, not asked again.
                for (Long version : versions) {
                    if (!loaded.contains(version)) {
                        groups.add(new VectorIndex.Group(version, new long[0], List.of()));
                    }
                }
                target.putAll(groups);
            }
            c.commit();
        }
    }

    private static VectorIndex.Group group(long group, List<Long> ids, List<byte[]> vectors) {
        return new VectorIndex.Group(group, ids.stream().mapToLong(Long::longValue).toArray(), List.copyOf(vectors));
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            vector[k] = ((Number) values[k]).floatValue();
        }
        return vector;
    }

    /** What the vector index holds now, for the measurements. */
    public IndexSize indexSize() {
        VectorIndex current = index;
        return current == null ? new IndexSize(0, 0, 0) : new IndexSize(current.groups().size(), current.size(), current.memoryBytes());
    }

    public record IndexSize(int versions, int passages, long bytes) {
    }
}
