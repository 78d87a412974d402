package org.quotecheck.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.quotecheck.web.BarChart;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The start page after sign-in: where the newsroom's checking stands, at a glance. */
@io.quarkus.security.Authenticated
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    @Inject
    EntityManager entityManager;

    @Inject
    ReportService reports;

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance dashboard(BarChart states, long waiting, String oldestWaiting, BarChart approvals,
                                                 List<EditorWork> editors, List<UncheckedArticle> unchecked);
    }

    public record EditorWork(String editor, long inProgress, long inReview, long approved, long returned) {
    }

    public record UncheckedArticle(long id, String title, long unchecked, long total) {
    }

    @GET
    @Transactional
    public TemplateInstance dashboard() {
        Figures f = counts.get("dashboard", this::figures);
        return Templates.dashboard(f.states(), f.waiting(), f.oldestWaiting(), f.perDay(), f.editors(), f.unchecked());
    }

    @jakarta.inject.Inject
    org.quotecheck.web.FreshCounts counts;

    /** Everything the dashboard shows, computed at most once per few seconds per instance (see FreshCounts). */
    record Figures(BarChart states, long waiting, String oldestWaiting, BarChart perDay, List<EditorWork> editors,
                   List<UncheckedArticle> unchecked) {
    }

    Figures figures() {
        Map<String, Long> states = reports.perState();
        Map<String, String> stateLabels = new LinkedHashMap<>();
        states.keySet().forEach(k -> stateLabels.put(k, k.replace('_', ' ').toLowerCase()));
        long waiting = states.getOrDefault("IN_REVIEW", 0L);
        OffsetDateTime oldest = entityManager.createQuery("select min(c.submittedAt) from Claim c where c.state = :s",
                OffsetDateTime.class).setParameter("s", org.quotecheck.claim.Claim.State.IN_REVIEW).getSingleResult();
        String oldestWaiting = oldest == null ? "—" : org.quotecheck.review.ReviewQueueAge.of(oldest);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Long> perDay = new LinkedHashMap<>();
        for (int i = 29; i >= 0; i--) {
            perDay.put(today.minusDays(i).toString(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> days = entityManager.createNativeQuery("select to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD'), count(*)"
                        + " from claim where state = 'APPROVED' and decided_at >= ? group by 1")
                .setParameter(1, today.minusDays(29).atStartOfDay().atOffset(ZoneOffset.UTC)).getResultList();
        days.forEach(row -> perDay.computeIfPresent((String) row[0], (k, v) -> ((Number) row[1]).longValue()));
        Map<String, String> dayLabels = new LinkedHashMap<>();
        perDay.keySet().forEach(d -> dayLabels.put(d, d.substring(5)));

        @SuppressWarnings("unchecked")
        List<Object[]> work = entityManager.createNativeQuery("select u.username,"
                + " count(*) filter (where c.state = 'IN_PROGRESS' and c.assignee_id = u.id),"
                + " count(*) filter (where c.state = 'IN_REVIEW' and c.submitted_by = u.id),"
                + " count(*) filter (where c.state = 'APPROVED' and c.submitted_by = u.id),"
                + " count(*) filter (where c.state = 'RETURNED' and c.assignee_id = u.id)"
                + " from app_user u join claim c on c.assignee_id = u.id or c.submitted_by = u.id"
                + " group by u.username order by 4 desc, 1 limit 20").getResultList();
        List<EditorWork> editors = work.stream().map(r -> new EditorWork((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();

        @SuppressWarnings("unchecked")
        List<Object[]> open = entityManager.createNativeQuery("select a.id, a.title,"
                + " count(*) filter (where c.state in ('NEW', 'IN_PROGRESS', 'RETURNED')), count(*) filter (where c.state <> 'DISMISSED')"
                + " from article a join claim c on c.article_id = a.id group by a.id, a.title"
                + " having count(*) filter (where c.state in ('NEW', 'IN_PROGRESS', 'RETURNED')) > 0"
                + " order by a.id desc limit 10").getResultList();
        List<UncheckedArticle> unchecked = open.stream().map(r -> new UncheckedArticle(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();

        return new Figures(BarChart.of("Claims per state", states, stateLabels), waiting, oldestWaiting,
                BarChart.of("Approvals per day, last 30 days", perDay, dayLabels), editors, unchecked);
    }
}
