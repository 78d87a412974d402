package org.quotecheck.library;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.library.vectors.VectorIndex;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims' vectors in memory, to find claims that mean the same across articles. Each refresh reads the vectors
 * written since the last one (with a minute's overlap, for transactions that committed late). A claim's vector
 * never changes (its words do not); claims deleted since stay in memory until a restart and are skipped when their
 * details are read.
 */
@ApplicationScoped
public class ClaimIndex {

    private static final long REFRESH_EVERY_NANOS = 1_000_000_000L;
    private static final long OVERLAP_MILLIS = 60_000;

    @Inject
    AgroalDataSource dataSource;

    private VectorIndex index;
    private Timestamp seenUpTo = new Timestamp(0);
    private long refreshedAt;
    private boolean refreshed;

    /** The claims closest to {@code vector}, with their cosine. */
    public List<VectorIndex.Hit> nearest(float[] vector, int limit) {
        VectorIndex current = refresh(vector.length);
        return current.search(vector, Math.max(200, limit * 10), limit);
    }

    private synchronized VectorIndex refresh(int dimensions) {
        if (index == null || index.dimensions() != dimensions) {
            index = new VectorIndex(dimensions);
            seenUpTo = new Timestamp(0);
            refreshed = false;
        }
        if (refreshed && System.nanoTime() - refreshedAt < REFRESH_EVERY_NANOS) {
            return index;
        }
        List<VectorIndex.Group> groups = new ArrayList<>();
        Timestamp latest = seenUpTo;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT claim_id, embedding, updated_at FROM claim_vector WHERE embedding IS NOT NULL AND updated_at > ?")) {
            s.setTimestamp(1, new Timestamp(Math.max(0, seenUpTo.getTime() - OVERLAP_MILLIS)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byte[] vector = r.getBytes(2);
                    if (QuantizedVector.dimensions(vector) == dimensions) {
                        groups.add(new VectorIndex.Group(r.getLong(1), new long[] {r.getLong(1)}, List.of(vector)));
                    }
                    Timestamp at = r.getTimestamp(3);
                    if (at.after(latest)) {
                        latest = at;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read claim vectors", e);
        }
        index.putAll(groups);
        seenUpTo = latest;
        refreshedAt = System.nanoTime();
        refreshed = true;
        return index;
    }

    /** New vectors were written here: the next look-up reads them. */
    public synchronized void stale() {
        refreshed = false;
    }
}
