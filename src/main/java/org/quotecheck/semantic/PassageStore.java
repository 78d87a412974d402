package org.quotecheck.semantic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.verification.meaning.SourcePassage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passages of source versions in PostgreSQL, read and written in batches over JDBC. */
@ApplicationScoped
public class PassageStore {

    @Inject
    AgroalDataSource dataSource;

    /** A passage waiting for its vector. */
    public record Pending(long id, String text) {
    }

    /** How many passages a version has, how many of them have their vector, and whether the job finished it. */
    public record Counts(int passages, int embedded, boolean ready) {
    }

    public Optional<String> versionText(long versionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT text FROM source_version WHERE id = ?")) {
            s.setLong(1, versionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read source version " + versionId, e);
        }
    }

    /** Stores a version's passages, all or none (one transaction); a version that has them already is left alone. */
    public void insertIfAbsent(long versionId, List<SourcePassage> passages) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM source_version WHERE id = ? FOR UPDATE");
                 PreparedStatement exists = c.prepareStatement("SELECT 1 FROM source_passage WHERE source_version_id = ? LIMIT 1");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO source_passage (source_version_id, ordinal,"
                         + " start_offset, end_offset, is_window, text) VALUES (?, ?, ?, ?, ?, ?)")) {
                lock.setLong(1, versionId);
                lock.executeQuery().close();
                exists.setLong(1, versionId);
                try (ResultSet r = exists.executeQuery()) {
                    if (r.next()) {
                        c.rollback();
                        return;
                    }
                }
                int ordinal = 0;
                for (SourcePassage p : passages) {
                    insert.setLong(1, versionId);
                    insert.setInt(2, ordinal++);
                    insert.setInt(3, p.start());
                    insert.setInt(4, p.end());
                    insert.setBoolean(5, p.window());
                    insert.setString(6, p.text());
                    insert.addBatch();
                    if (ordinal % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the passages of version " + versionId, e);
        }
    }

    public List<Pending> unembedded(long versionId, int limit) {
        List<Pending> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, text FROM source_passage WHERE source_version_id = ? AND embedding IS NULL ORDER BY ordinal LIMIT ?")) {
            s.setLong(1, versionId);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Pending(r.getLong(1), r.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read passages of version " + versionId, e);
        }
        return found;
    }

    /** Stores vectors for passages that have none yet (a vector once written never changes). */
    public void storeVectors(List<Pending> passages, List<float[]> vectors) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE source_passage SET embedding = ?, embedding_q = ? WHERE id = ? AND embedding IS NULL")) {
            c.setAutoCommit(false);
            for (int i = 0; i < passages.size(); i++) {
                float[] vector = vectors.get(i);
                Float[] boxed = new Float[vector.length];
                for (int k = 0; k < vector.length; k++) {
                    boxed[k] = vector[k];
                }
                s.setArray(1, c.createArrayOf("float4", boxed));
                s.setBytes(2, org.quotecheck.library.vectors.QuantizedVector.encode(vector));
                s.setLong(3, passages.get(i).id());
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store vectors", e);
        }
    }

    /** The version's passages (and their vectors, if any are to be made) are complete: it joins the library index. */
    public void markReady(long versionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE source_version SET passages_ready_at = now() WHERE id = ? AND passages_ready_at IS NULL")) {
            s.setLong(1, versionId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark version " + versionId + " ready", e);
        }
    }

    public Counts counts(long versionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), count(embedding), (SELECT passages_ready_at IS NOT NULL FROM source_version WHERE id = ?)"
                        + " FROM source_passage WHERE source_version_id = ?")) {
            s.setLong(1, versionId);
            s.setLong(2, versionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Counts(r.getInt(1), r.getInt(2), r.getBoolean(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count passages", e);
        }
    }

    /**
     * The passages within {@code radius} places of the given ones (a sentence, the windows around it, its neighbours),
     * by version, in order, with their vectors (from the quantised copy where there is one: read without parsing).
     */
    public java.util.Map<Long, List<SourcePassage>> around(List<Long> passageIds, int radius) {
        java.util.Map<Long, List<SourcePassage>> found = new java.util.LinkedHashMap<>();
        if (passageIds.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT ON (p.source_version_id, p.ordinal) p.source_version_id, p.start_offset, p.end_offset, p.is_window,"
                        + " p.text, p.embedding_q, CASE WHEN p.embedding_q IS NULL THEN p.embedding END"
                        + " FROM source_passage h JOIN source_passage p ON p.source_version_id = h.source_version_id"
                        + " AND p.ordinal BETWEEN h.ordinal - ? AND h.ordinal + ? WHERE h.id = ANY (?)"
                        + " ORDER BY p.source_version_id, p.ordinal")) {
            s.setInt(1, radius);
            s.setInt(2, radius);
            s.setArray(3, c.createArrayOf("bigint", passageIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byte[] quantised = r.getBytes(6);
                    float[] vector = quantised != null ? org.quotecheck.library.vectors.QuantizedVector.decode(quantised)
                            : floats(r.getArray(7));
                    found.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new SourcePassage(r.getInt(2), r.getInt(3), r.getString(5), r.getBoolean(4), vector));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load passages", e);
        }
        return found;
    }

    private static float[] floats(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            vector[k] = ((Number) values[k]).floatValue();
        }
        return vector;
    }

    /** A version's passages in order, with their vectors where computed. */
    public List<SourcePassage> load(long versionId) {
        List<SourcePassage> passages = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT start_offset, end_offset, is_window, text, embedding FROM source_passage WHERE source_version_id = ?"
                        + " ORDER BY ordinal")) {
            s.setLong(1, versionId);
            s.setFetchSize(2000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    float[] vector = floats(r.getArray(5));
                    passages.add(new SourcePassage(r.getInt(1), r.getInt(2), r.getString(4), r.getBoolean(3), vector));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load passages of version " + versionId, e);
        }
        return passages;
    }
}
