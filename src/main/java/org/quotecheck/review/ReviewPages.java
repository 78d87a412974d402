package org.quotecheck.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.claim.Claim;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.library.LibraryPanels;
import org.quotecheck.review.workflow.Rating;
import org.quotecheck.review.workflow.ReviewAction;
import org.quotecheck.review.workflow.ReviewState;
import org.quotecheck.review.workflow.ReviewWorkflow;
import org.quotecheck.source.CheckService;
import org.quotecheck.source.EvidenceView;
import org.quotecheck.user.Role;
import org.quotecheck.user.User;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.Notices;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The claim page (history and actions), the reviewers' approval queue and the editors' "My work". */
@io.quarkus.security.Authenticated
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private static final Notices NOTICES = new Notices(Map.of("TAKE", "You are working on this claim.",
            "SUBMIT", "Submitted for review.", "APPROVE", "Approved.", "RETURN", "Returned to the editor.",
            "DISMISS", "Dismissed.", "RESTORE", "Restored.", "REOPEN", "Reopened.", "comment", "Comment added.",
            "evidence-saved", "Evidence saved."));

    @Inject
    ReviewService review;

    @Inject
    ReviewQueue queue;

    @Inject
    ClaimService claims;

    @Inject
    CheckService checks;

    @Inject
    LibraryPanels panels;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager entityManager;

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance claim(ClaimPage page, String notice, FormErrors errors, TransitionForm form);

        static native TemplateInstance queue(ReviewQueue.Page page, QueueFilter filter, String notice, List<String> editors);

        static native TemplateInstance queue$row(ReviewQueue.Row row, QueueFilter filter);

        static native TemplateInstance decided(ClaimView claim, String message, boolean failed, Long waiting, Long shown);

        static native TemplateInstance bulk(List<BulkResult> results);

        static native TemplateInstance mywork(List<ClaimView> assigned, List<ClaimView> returned, FreshPage fresh,
                                              Map<Long, String> titles);
    }

    /** Everything the claim page shows. */
    public record ClaimPage(ClaimView claim, String articleTitle, String before, String after, List<EvidenceView> evidence,
                            List<HistoryEntry> history, List<String> actions, LibraryPanels.ClaimLibrary library) {
        public boolean can(String action) {
            return actions.contains(action);
        }

        /** The classification of the latest evidence, or null without evidence. */
        public String latestEvidence() {
            return evidence.isEmpty() ? null : evidence.get(evidence.size() - 1).classification();
        }

        /** Whether the latest evidence does not support the claim as printed (Accurate then needs a confirmation). */
        public boolean evidenceDisagrees() {
            return "ALTERED".equals(latestEvidence()) || "NOT_FOUND".equals(latestEvidence());
        }

        /** The warning reviewers see when the submitted rating says more than the evidence. */
        public String ratingWarning() {
            return claim.state() == Claim.State.IN_REVIEW || claim.state() == Claim.State.APPROVED
                    ? ReviewWorkflow.reviewerWarning(claim.rating(), latestEvidence()) : null;
        }
    }

    /** A transition form's input, given back after an error. */
    public record TransitionForm(String action, String rating, String note, boolean noSourceFound, boolean confirmed) {
        static final TransitionForm EMPTY = new TransitionForm(null, null, "", false, false);

        /**
         * The submit form as the claim last had it: a returned claim taken again keeps its rating and rationale, so the
         * editor changes what the reviewer asked for and submits again.
         */
        static TransitionForm of(ClaimView claim) {
            return claim.rating() == null && claim.rationale() == null ? EMPTY
                    : new TransitionForm("SUBMIT", claim.rating(), claim.rationale(), claim.noSourceFound(), false);
        }
    }

    public record QueueFilter(Long articleId, String editor, String rating, String type, String after) {
        /**
         * The queue's filters from the {@code back} field a queue form sends: only the known ones, each decoded and
         * encoded again, so that whatever a client sends, the redirect is a valid address on this site.
         */
        static QueueFilter fromQuery(String query) {
            Map<String, String> values = new java.util.HashMap<>();
            if (query != null && query.length() <= 2000) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        try {
                            values.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                        } catch (IllegalArgumentException e) {
                            // a malformed escape: leave that filter out
                        }
                    }
                }
            }
            Long articleId = null;
            try {
                articleId = values.containsKey("articleId") ? Long.valueOf(values.get("articleId")) : null;
            } catch (NumberFormatException e) {
                // not an article: no article filter
            }
            return new QueueFilter(articleId, values.get("editor"), values.get("rating"), values.get("type"), null);
        }

        public String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "articleId", articleId == null ? null : articleId.toString());
            add(parts, "editor", editor);
            add(parts, "rating", rating);
            add(parts, "type", type);
            return String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    public record BulkResult(long claimId, String text, boolean ok, String message) {
    }

    /** One page of the new claims in an editor's articles: "101–200 of 720", never a silent cap. */
    public record FreshPage(List<ClaimView> items, int page, int size, long total) {
        public long first() {
            return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
        }

        public long last() {
            return first() + items.size() - 1;
        }

        public boolean hasNext() {
            return (long) page * size < total;
        }

        public int next() {
            return page + 1;
        }

        public int previous() {
            return page - 1;
        }
    }

    static final int FRESH_PAGE_SIZE = 100;

    public static List<Rating> ratings() {
        return Arrays.asList(Rating.values());
    }

    @GET
    @Path("claims/{id}")
    public TemplateInstance claim(@RestPath long id, @RestQuery String notice) {
        ClaimPage page = claimPage(id);
        return Templates.claim(page, NOTICES.forKey(notice), FormErrors.NONE, TransitionForm.of(page.claim()));
    }

    @Transactional
    ClaimPage claimPage(long id) {
        ClaimView claim = claims.find(id);
        Object[] article = entityManager.createQuery("select a.title, a.body from Article a where a.id = :id", Object[].class)
                .setParameter("id", claim.articleId()).getSingleResult();
        String body = (String) article[1];
        String before = "";
        String after = "";
        if (!claim.textMissing() && claim.end() <= body.length()) {
            before = body.substring(Math.max(0, claim.start() - 300), claim.start());
            after = body.substring(claim.end(), Math.min(body.length(), claim.end() + 300));
        }
        List<String> offered = ReviewWorkflow.offered(ReviewState.valueOf(claim.state().name()), org.quotecheck.user.Actor.workflowRoles(identity))
                .stream().map(Enum::name).toList();
        return new ClaimPage(claim, (String) article[0], before, after, checks.ofClaim(id), review.history(id), offered,
                panels.claim(id));
    }

    @POST
    @Path("claims/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@RestPath long id, @RestForm String action, @RestForm String rating, @RestForm String note,
                               @RestForm Long version, @RestForm boolean noSourceFound, @RestForm boolean confirmed) {
        try {
            review.transition(id, new TransitionRequest(action, rating, note, version, noSourceFound, confirmed), identity);
            return SeeOther.to("/claims/" + id + "?notice=" + URLEncoder.encode(action.strip().toUpperCase(java.util.Locale.ROOT),
                    StandardCharsets.UTF_8));
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status()).entity(Templates.claim(claimPage(id), null, FormErrors.of(problem),
                    new TransitionForm(action, rating, note, noSourceFound, confirmed))).build();
        }
    }

    @POST
    @Path("claims/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@RestPath long id, @RestForm String comment) {
        try {
            review.comment(id, comment, identity);
            return SeeOther.to("/claims/" + id + "?notice=comment#history");
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            ClaimPage page = claimPage(id);
            return Response.status(problem.status()).entity(Templates.claim(page, null, FormErrors.of(problem),
                    TransitionForm.of(page.claim()))).build();
        }
    }

    @GET
    @Path("review")
    @RolesAllowed({Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public TemplateInstance queue(@RestQuery Long articleId, @RestQuery String editor, @RestQuery String rating,
                                  @RestQuery String type, @RestQuery String after, @RestQuery String notice) {
        QueueFilter filter = new QueueFilter(articleId, editor, rating, type, after);
        ReviewQueue.Page page = queue.page(new ReviewQueue.Filter(articleId, editor, rating, type), after, 25);
        return Templates.queue(page, filter, notice == null ? null : NOTICES.forKey(notice), editors());
    }

    /** The queue's editor filter: accounts with the editor role (a new one appears within the counts' time to live). */
    @Transactional
    List<String> editors() {
        return freshCounts.get("editors", () -> User.<User>list("roles like ?1 order by username", "%EDITOR%").stream()
                .map(u -> u.username).toList());
    }

    @Inject
    org.quotecheck.web.FreshCounts freshCounts;

    /** Approve or return from the queue: a fragment for htmx (the row becomes its outcome), a redirect otherwise. */
    @POST
    @Path("review/claims/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public Response decide(@RestPath long id, @RestForm String action, @RestForm String note, @RestForm Long version,
                           @RestForm String back, @RestHeader("HX-Request") String htmx) {
        boolean fragment = "true".equals(htmx);
        try {
            ClaimView decided = review.transition(id, new TransitionRequest(action, null, note, version, null), identity);
            if (fragment) {
                // The row becomes its outcome; the navigation badge and the page's "(N waiting)" follow (htmx out of band).
                return Response.ok(Templates.decided(decided, "APPROVE".equalsIgnoreCase(action) ? "Approved." : "Returned to the editor.",
                        false, queue.waiting(), shownInQueue(back))).build();
            }
            String filters = QueueFilter.fromQuery(back).query();
            return SeeOther.to("/review?" + filters + (filters.isEmpty() ? "" : "&") + "notice="
                    + URLEncoder.encode(action.strip().toUpperCase(java.util.Locale.ROOT), StandardCharsets.UTF_8));
        } catch (ProblemException problem) {
            if (fragment) {
                // htmx swaps only 2xx answers by default; the row shows the refusal in place.
                return Response.ok(Templates.decided(claims.find(id), problem.detail(), true, null, null)).header("Vary", "HX-Request").build();
            }
            return Response.status(problem.status()).entity(Templates.claim(claimPage(id), null, FormErrors.of(problem),
                    new TransitionForm(action, null, note, false, false))).build();
        }
    }

    /** The "(N waiting)" of the queue page a decision came from, with its filters; null if they are not valid. */
    private Long shownInQueue(String back) {
        QueueFilter filter = QueueFilter.fromQuery(back);
        try {
            return queue.count(new ReviewQueue.Filter(filter.articleId(), filter.editor(), filter.rating(), filter.type()));
        } catch (ProblemException e) {
            return null;
        }
    }

    /** Approve several claims; each still passes every rule, and the answer says which failed and why. */
    @POST
    @Path("review/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public TemplateInstance bulk(@RestForm("selected") List<String> selected) {
        List<BulkResult> results = new ArrayList<>();
        for (String item : selected == null ? List.<String>of() : selected) {
            String[] parts = item.split(":");
            long id;
            long version;
            try {
                id = Long.parseLong(parts[0]);
                version = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                results.add(new BulkResult(0, item, false, "Not a valid selection; reload the queue."));
                continue;
            }
            try {
                ClaimView done = review.transition(id, new TransitionRequest("APPROVE", null, null, version, null), identity);
                results.add(new BulkResult(id, done.excerpt(), true, "Approved."));
            } catch (ProblemException problem) {
                String text = Claim.<Claim>findByIdOptional(id).map(c -> c.text).orElse("");
                results.add(new BulkResult(id, text.length() > 120 ? text.substring(0, 117) + "…" : text, false, problem.detail()));
            }
        }
        return Templates.bulk(results);
    }

    @GET
    @Path("my-work")
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @Transactional
    public TemplateInstance myWork(@RestQuery Integer page) {
        int wanted = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        String me = identity.getPrincipal().getName();
        List<ClaimView> assigned = Claim.<Claim>list("assignee.username = ?1 and state = ?2 order by updatedAt desc", me,
                Claim.State.IN_PROGRESS).stream().map(c -> ClaimView.of(c, c.articleId)).toList();
        List<ClaimView> returned = Claim.<Claim>list("assignee.username = ?1 and state = ?2 order by decidedAt desc", me,
                Claim.State.RETURNED).stream().map(c -> ClaimView.of(c, c.articleId)).toList();
        List<ClaimView> fresh = entityManager.createQuery("select c from Claim c, Article a where a.id = c.articleId"
                        + " and a.createdBy.username = :me and c.state = :state order by c.articleId desc, c.start, c.id", Claim.class)
                .setParameter("me", me).setParameter("state", Claim.State.NEW).setFirstResult((wanted - 1) * FRESH_PAGE_SIZE)
                .setMaxResults(FRESH_PAGE_SIZE).getResultList().stream().map(c -> ClaimView.of(c, c.articleId)).toList();
        long freshTotal = entityManager.createQuery("select count(c) from Claim c, Article a where a.id = c.articleId"
                + " and a.createdBy.username = :me and c.state = :state", Long.class)
                .setParameter("me", me).setParameter("state", Claim.State.NEW).getSingleResult();
        List<Long> articleIds = new ArrayList<>();
        assigned.forEach(c -> articleIds.add(c.articleId()));
        returned.forEach(c -> articleIds.add(c.articleId()));
        fresh.forEach(c -> articleIds.add(c.articleId()));
        Map<Long, String> titles = new java.util.HashMap<>();
        if (!articleIds.isEmpty()) {
            entityManager.createQuery("select a.id, a.title from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", articleIds.stream().distinct().toList()).getResultList()
                    .forEach(row -> titles.put((Long) row[0], (String) row[1]));
        }
        return Templates.mywork(assigned, returned, new FreshPage(fresh, wanted, FRESH_PAGE_SIZE, freshTotal), titles);
    }
}
