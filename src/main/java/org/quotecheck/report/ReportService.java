package org.quotecheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.user.User;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The verified-claims report: one filtered query over approved claims, read row by row from a server-side cursor so
 * that exports of 100,000 claims never hold them all in memory.
 */
@ApplicationScoped
public class ReportService {

    private static final String SELECT = "select c.id, c.article_id, a.title, a.url, a.outlet, a.published_at, c.type,"
            + " c.text,"
            // Words given from someone's account are not the speaker's own: "Lee Jae Myung (summary by his office)".
            + " case when c.cue ~ '^(summary|paraphrase|readout|account) by ' then c.speaker || ' (' || c.cue || ')'"
            + " else c.speaker end, c.rating, c.rationale, su.username, c.submitted_at, du.username, c.decided_at,"
            + " s.title, s.type, s.url, e.classification, e.exact,"
            + " (select string_agg(d->>'reason' || ': ' || coalesce(d->>'quoteText', '') || ' / ' || coalesce(d->>'sourceText', ''), '; ')"
            + "  from jsonb_array_elements(e.result->'differences') d where (d->>'critical')::boolean) as critical_differences,"
            + " (select to_char(make_interval(secs => (q->>'fromMillis')::bigint / 1000.0), 'HH24:MI:SS')"
            + "  from jsonb_array_elements(sv.cues) q where e.passage_start between (q->>'start')::int and (q->>'end')::int limit 1) as timestamp,"
            + " c.text_missing, coalesce(not sv.is_latest, false) as source_corrected,"
            // A partial quote's sentence, from a window of the body around it (see sentence()).
            + " case when c.type = 'PARTIAL_QUOTE' and not c.text_missing then substring(a.body from greatest(1, c.start_offset - 599)"
            + "  for c.end_offset - c.start_offset + 1200) end as context, least(c.start_offset, 599) as context_at"
            + " from claim c join article a on a.id = c.article_id"
            + " left join app_user su on su.id = c.submitted_by left join app_user du on du.id = c.decided_by"
            + " left join lateral (select x.* from evidence x where x.claim_id = c.id order by x.created_at desc, x.id desc limit 1) e on true"
            + " left join source_version sv on sv.id = e.source_version_id left join source s on s.id = sv.source_id";

    /** One order for the page and every export: the latest approval first. */
    static final String ORDER = " order by c.decided_at desc, c.id desc";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The SQL condition and its parameters for a filter. */
    record Where(String sql, List<Object> parameters) {
    }

    /** A user's words matched literally inside LIKE: their % and _ are not wildcards. */
    static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Where where(ReportFilter filter) {
        StringBuilder sql = new StringBuilder(" where c.state = 'APPROVED'");
        List<Object> parameters = new ArrayList<>();
        if (filter.articleId() != null) {
            sql.append(" and c.article_id = ?");
            parameters.add(filter.articleId());
        }
        if (filter.outlet() != null) {
            sql.append(" and lower(a.outlet) like lower(?) escape '\\'");
            parameters.add("%" + likeEscaped(filter.outlet()) + "%");
        }
        if (filter.byArticleDate()) {
            if (filter.from() != null) {
                sql.append(" and a.published_at >= ?");
                parameters.add(java.sql.Date.valueOf(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and a.published_at <= ?");
                parameters.add(java.sql.Date.valueOf(filter.to()));
            }
        } else {
            if (filter.from() != null) {
                sql.append(" and c.decided_at >= ?");
                parameters.add(Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                sql.append(" and c.decided_at < ?");
                parameters.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
        }
        if (filter.rating() != null) {
            sql.append(" and c.rating = ?");
            parameters.add(filter.rating());
        }
        if (filter.type() != null) {
            sql.append(" and c.type = ?");
            parameters.add(filter.type());
        }
        if (filter.speaker() != null) {
            sql.append(" and lower(c.speaker) like lower(?) escape '\\'");
            parameters.add("%" + likeEscaped(filter.speaker()) + "%");
        }
        return new Where(sql.toString(), parameters);
    }

    /** Streams the rows in approval order to {@code sink}, from a cursor of 500 rows at a time. */
    public void stream(ReportFilter filter, Consumer<ReportRow> sink) {
        try (Connection connection = dataSource.getConnection()) {
            stream(connection, filter, sink);
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    /** The same on a connection of the caller's (the export benchmark uses it without the application). */
    public static void stream(Connection connection, ReportFilter filter, Consumer<ReportRow> sink) {
        Where where = where(filter);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL uses a cursor (fetch size) only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(SELECT + where.sql() + ORDER)) {
                statement.setFetchSize(500);
                bind(statement, where.parameters());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(row(rows));
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    /** The first rows, for the report page. */
    public List<ReportRow> first(ReportFilter filter, int limit) {
        List<ReportRow> rows = new ArrayList<>();
        Where where = where(filter);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT + where.sql() + ORDER + " limit " + limit)) {
            bind(statement, where.parameters());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
        return rows;
    }

    /** Count and content hash of the claims a filter selects: the same data gives the same hash. */
    public record Summary(long count, String contentHash, Map<String, Long> perRating) {
    }

    public Summary summary(ReportFilter filter) {
        Where where = where(filter);
        String sql = "select count(*), md5(coalesce(string_agg(c.id || ':' || c.version, ',' order by c.id), '')),"
                + " c.rating from claim c join article a on a.id = c.article_id" + where.sql() + " group by rollup (c.rating)";
        Map<String, Long> perRating = new LinkedHashMap<>();
        long count = 0;
        String hash = "";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, where.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(3) == null) {
                        count = rows.getLong(1);
                        hash = rows.getString(2);
                    } else {
                        perRating.put(rows.getString(3), rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report summary failed", e);
        }
        return new Summary(count, count == 0 ? "d41d8cd98f00b204e9800998ecf8427e" : hash, perRating);
    }

    /** Claims per state over the whole newsroom, for the report's second chart. */
    @Transactional
    public Map<String, Long> perState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        entityManager.createQuery("select c.state, count(c) from Claim c group by c.state order by c.state", Object[].class)
                .getResultList().forEach(row -> counts.put(row[0].toString(), (Long) row[1]));
        return counts;
    }

    /** Every export is recorded: who, when, which format and filters, how many claims, which content hash. */
    @Transactional
    public void recordExport(String username, String format, ReportFilter filter, Summary summary) {
        try {
            entityManager.createNativeQuery("insert into report_export (actor_id, at, format, filters, claim_count, content_hash)"
                            + " values (?, ?, ?, cast(? as jsonb), ?, ?)")
                    .setParameter(1, User.findByUsername(username).orElseThrow().id)
                    .setParameter(2, OffsetDateTime.now())
                    .setParameter(3, format)
                    .setParameter(4, json.writeValueAsString(filter.asMap()))
                    .setParameter(5, (int) summary.count())
                    .setParameter(6, summary.contentHash())
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /**
     * The sentence around a partial quote, found in a window of the article's body by the quote's own text (so that
     * offsets counted in UTF-16 by Java and in characters by PostgreSQL never have to agree); null for other claims.
     */
    static String sentence(String window, int expectedAt, String text) {
        if (window == null || text == null) {
            return null;
        }
        int at = window.indexOf(text, Math.max(0, expectedAt - 20));
        if (at < 0) {
            at = window.indexOf(text);
        }
        return at < 0 ? null : org.quotecheck.claim.extraction.ClaimExtractor.sentenceAround(window, at, at + text.length());
    }

    static ReportRow row(ResultSet r) throws SQLException {
        return new ReportRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                r.getObject(6, java.time.LocalDate.class), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getString(11), r.getString(12), r.getObject(13, OffsetDateTime.class), r.getString(14),
                r.getObject(15, OffsetDateTime.class), r.getString(16), r.getString(17), r.getString(18), r.getString(19),
                r.getString(20), r.getString(21), r.getString(22), r.getBoolean(23), r.getBoolean(24),
                sentence(r.getString(25), r.getInt(26), r.getString(8)));
    }
}
