package org.quotecheck.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quotecheck.claim.ClaimService;
import org.quotecheck.claim.ClaimView;
import org.quotecheck.library.LibraryPanels;
import org.quotecheck.claim.ManualClaim;
import org.quotecheck.review.ReviewService;
import org.quotecheck.review.TransitionRequest;
import org.quotecheck.source.CheckService;
import org.quotecheck.source.CheckView;
import org.quotecheck.source.EvidenceView;
import org.quotecheck.source.SourceService;
import org.quotecheck.source.SourceView;
import org.quotecheck.upload.UploadedText;
import org.quotecheck.user.Role;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.Notices;
import org.quotecheck.web.PageResult;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The article pages: list, new, show, edit, delete. Post, validate, then redirect (303) after every write. */
@io.quarkus.security.Authenticated
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

    private static final Notices NOTICES = new Notices(Map.of(
            "created", "Article saved.",
            "updated", "Changes saved.",
            "merged", "Changes saved, merged with the changes someone else saved meanwhile to other fields.",
            "deleted", "Article deleted.",
            "claim-added", "Claim added.",
            "claim-updated", "Claim updated.",
            "claim-dismissed", "Claim dismissed.",
            "claim-restored", "Claim restored.",
            "evidence-saved", "Evidence saved."));

    /** An article's text is at most 2 MB; a web page or Markdown file of it with its markup, at most 5 MB. */
    static final int MAX_ARTICLE_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    ArticleService articles;

    @Inject
    SecurityIdentity identity;

    @Inject
    ClaimService claims;

    @Inject
    CheckService checks;

    @Inject
    ReviewService review;

    @Inject
    SourceService sources;

    @Inject
    LibraryPanels panels;

    /** What the "mark a claim" form gives back after an error. */
    public record ClaimForm(String text, String type, String speaker) {
        static final ClaimForm EMPTY = new ClaimForm("", "DIRECT_QUOTE", "");
    }

    @CheckedTemplate(basePath = "articles")
    static class Templates {
        static native TemplateInstance list(PageResult<ArticleSummary> result, String q, String notice);

        static native TemplateInstance list$results(PageResult<ArticleSummary> result, String q);

        static native TemplateInstance form(FormData form, FormErrors errors, ArticleView current, List<EditMerge.Merged> merge);

        static native TemplateInstance show(ArticleView article, ClaimsPart part, HighlightedBody highlighted, String notice,
                                            FormErrors errors, Long errorClaimId, ClaimForm claimForm,
                                            Map<Long, List<EvidenceView>> evidence, LibraryPanels.ArticleLibrary library,
                                            boolean oob);

        static native TemplateInstance show$library(ArticleView article, ClaimsPart part, LibraryPanels.ArticleLibrary library,
                                                    boolean oob);

        static native TemplateInstance check(ArticleView article, ClaimView claim, PageResult<SourceView> sources,
                                             String q, CheckView result, FormErrors errors, String note);

        static native TemplateInstance confirmDelete(ArticleView article, ArticleService.DeleteImpact impact);
    }

    /**
     * The part of a long article a page shows (see {@link ArticleParts}): its text and the claims that start in it,
     * so that the page stays small and fast however long the article; a short article is one part.
     */
    public record ClaimsPart(int number, int count, int start, int end, List<ClaimView> claims, int firstIndex) {

        static ClaimsPart of(ArticleView article, Integer requested, Long claimId) {
            List<ClaimView> all = article.claims();
            int[] starts = all.stream().mapToInt(ClaimView::start).sorted().toArray();
            List<ArticleParts.Part> parts = ArticleParts.of(article.body(), starts, ArticleParts.MAX_CHARS, ArticleParts.MAX_CLAIMS);
            ArticleParts.Part part = parts.get(0);
            if (claimId != null) {
                int at = all.stream().filter(c -> c.id().equals(claimId)).mapToInt(ClaimView::start).findFirst().orElse(-1);
                part = parts.stream().filter(p -> p.holds(at)).findFirst().orElse(part);
            } else if (requested != null && requested >= 1 && requested <= parts.size()) {
                part = parts.get(requested - 1);
            }
            ArticleParts.Part shown = part;
            boolean last = shown.number() == parts.size();
            List<ClaimView> claims = all.stream().filter(c -> shown.holds(c.start()) || last && c.start() >= shown.end()).toList();
            int firstIndex = (int) all.stream().filter(c -> c.start() < shown.start()).count() + 1;
            return new ClaimsPart(shown.number(), parts.size(), shown.start(), shown.end(), claims, firstIndex);
        }

        public boolean isSplit() {
            return count > 1;
        }

        public int lastIndex() {
            return firstIndex + claims.size() - 1;
        }

        public int previous() {
            return number - 1;
        }

        public int next() {
            return number + 1;
        }
    }

    /** What the form shows: the user's own input is always given back, never lost. */
    public record FormData(Long id, Long version, String title, String outlet, String url, String publishedAt,
                           String body, Base base) {
        static final FormData EMPTY = new FormData(null, null, "", "", "", "", "", null);

        static FormData of(ArticleView article) {
            return new FormData(article.id(), article.version(), article.title(), nullToEmpty(article.outlet()),
                    nullToEmpty(article.url()), article.publishedAt() == null ? "" : article.publishedAt().toString(),
                    article.body(), Base.of(article));
        }

        public boolean isNew() {
            return id == null;
        }
    }

    /**
     * The article as the editor opened it (the body by its hash), sent back with the form: when someone else saved
     * meanwhile, what each side changed is known field by field, and changes that do not conflict are merged.
     */
    public record Base(String title, String outlet, String url, String publishedAt, String bodyHash) {
        static Base of(ArticleView article) {
            return new Base(article.title(), nullToEmpty(article.outlet()), nullToEmpty(article.url()),
                    article.publishedAt() == null ? "" : article.publishedAt().toString(), hash(article.body()));
        }
    }

    static String hash(String text) {
        return org.quotecheck.library.ranking.Wording.sha256(text == null ? "" : text.replace("\r\n", "\n").strip());
    }

    /** The fields of the new-article and edit forms. */
    public static class ArticleForm {
        @RestForm
        public String title;
        @RestForm
        public String outlet;
        @RestForm
        public String url;
        @RestForm
        public String publishedAt;
        @RestForm
        public String body;
        @RestForm
        public Long version;
        @RestForm("file")
        public FileUpload file;
        @RestForm
        public String baseTitle;
        @RestForm
        public String baseOutlet;
        @RestForm
        public String baseUrl;
        @RestForm
        public String basePublishedAt;
        @RestForm
        public String baseBodyHash;

        Base base() {
            return baseBodyHash == null ? null : new Base(nullToEmpty(baseTitle), nullToEmpty(baseOutlet), nullToEmpty(baseUrl),
                    nullToEmpty(basePublishedAt), baseBodyHash);
        }

        ArticleInput toInput() {
            String text = body;
            if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
                text = UploadedText.extract(file.fileName(), readUpload(file), MAX_ARTICLE_UPLOAD_BYTES);
            }
            return new ArticleInput(title, outlet, url, publishedAt, text);
        }

        FormData echo(Long id) {
            return new FormData(id, version, nullToEmpty(title), nullToEmpty(outlet), nullToEmpty(url),
                    nullToEmpty(publishedAt), nullToEmpty(body), base());
        }
    }

    @GET
    public Object list(@RestQuery String q, @RestQuery Integer page, @RestQuery String notice,
                       @RestHeader("HX-Request") String htmx) {
        PageResult<ArticleSummary> result = articles.search(q, PageResult.clampPage(page), PageResult.DEFAULT_SIZE);
        String query = q == null ? "" : q;
        TemplateInstance page$ = "true".equals(htmx)
                ? Templates.list$results(result, query)
                : Templates.list(result, query, NOTICES.forKey(notice));
        return Response.ok(page$).header("Vary", "HX-Request").build();
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance newForm() {
        return Templates.form(FormData.EMPTY, FormErrors.NONE, null, List.of());
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response create(@BeanParam ArticleForm form) {
        try {
            ArticleView created = articles.create(form.toInput(), identity.getPrincipal().getName());
            return SeeOther.to("/articles/" + created.id() + "?notice=created");
        } catch (ProblemException problem) {
            return Response.status(problem.status())
                    .entity(Templates.form(form.echo(null), FormErrors.of(problem), null, List.of())).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath long id, @RestQuery String notice, @RestQuery Integer part, @RestQuery Long claim) {
        return showPage(articles.find(id), NOTICES.forKey(notice), FormErrors.NONE, claim, null, ClaimForm.EMPTY, part);
    }

    private TemplateInstance showPage(ArticleView article, String notice, FormErrors errors, Long shownClaim,
                                      Long errorClaimId, ClaimForm claimForm, Integer part) {
        ClaimsPart shown = ClaimsPart.of(article, part, errorClaimId != null ? errorClaimId : shownClaim);
        List<Long> ids = shown.claims().stream().map(ClaimView::id).toList();
        return Templates.show(article, shown, HighlightedBody.of(article.body(), article.claims(), shown.start(), shown.end()),
                notice, errors, errorClaimId, claimForm, checks.ofClaims(ids), panels.article(article.id(), ids), false);
    }

    /** The library search's progress, polled by the page while it runs, with each claim's suggestion swapped in place. */
    @GET
    @Path("/{id}/library")
    public TemplateInstance library(@RestPath long id, @RestQuery Integer part) {
        ArticleView article = articles.find(id);
        ClaimsPart shown = ClaimsPart.of(article, part, null);
        return Templates.show$library(article, shown, panels.progress(id, shown.claims().stream().map(ClaimView::id).toList()), true);
    }

    /**
     * Check a claim against a source: without a source, pick one (search the library); with one, the result side
     * by side, and a form to save it as evidence.
     */
    @GET
    @Path("/{id}/claims/{claimId}/check")
    public TemplateInstance check(@RestPath long id, @RestPath long claimId, @RestQuery Long sourceId,
                                  @RestQuery String q) {
        ArticleView article = articles.find(id);
        ClaimView claim = claimOf(article, claimId);
        PageResult<SourceView> found = sources.search(q == null || q.isBlank() ? null : q, 1, 10);
        CheckView result = null;
        if (sourceId != null) {
            CheckService.Check check = checks.check(claimId, sourceId);
            result = CheckView.of(check, sources.cues(sourceId));
        }
        return Templates.check(article, claim, found, q == null ? "" : q, result, FormErrors.NONE, "");
    }

    @POST
    @Path("/{id}/claims/{claimId}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response saveEvidence(@RestPath long id, @RestPath long claimId, @RestForm Long sourceId, @RestForm String note,
                                 @RestForm("return") String returnTo) {
        ArticleView article = articles.find(id);
        claimOf(article, claimId);
        if (sourceId == null) {
            throw new org.quotecheck.web.InvalidInputException("sourceId", "Choose a source.");
        }
        try {
            checks.attach(claimId, sourceId, note, identity);
        } catch (ProblemException problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            // The check page again, as it was, with the reason, the note kept and a way back to the claim.
            ClaimView claim = claimOf(articles.find(id), claimId);
            CheckView result = CheckView.of(checks.check(claimId, sourceId), sources.cues(sourceId));
            return Response.status(problem.status()).entity(Templates.check(article, claim, sources.search(null, 1, 10), "",
                    result, FormErrors.of(problem), note == null ? "" : note)).build();
        }
        if ("claim".equals(returnTo)) {
            return SeeOther.to("/claims/" + claimId + "?notice=evidence-saved#evidence");
        }
        return SeeOther.to("/articles/" + id + "?claim=" + claimId + "&notice=evidence-saved#claim-" + claimId);
    }

    private static ClaimView claimOf(ArticleView article, long claimId) {
        return article.claims().stream().filter(c -> c.id() == claimId).findFirst()
                .orElseThrow(() -> new org.quotecheck.web.NotFoundProblem("Article " + article.id() + " has no claim " + claimId + "."));
    }

    /** Mark a claim: from a selection (offsets filled in by the page script) or by typing its exact words. */
    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response markClaim(@RestPath long id, @RestForm String text, @RestForm Integer occurrence,
                              @RestForm Integer start, @RestForm Integer end, @RestForm String type,
                              @RestForm String speaker) {
        try {
            ClaimView created = claims.addManual(id, new ManualClaim(start, end, type, speaker, text, occurrence));
            return SeeOther.to("/articles/" + id + "?claim=" + created.id() + "&notice=claim-added#claim-" + created.id());
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status()).entity(showPage(articles.find(id), null, FormErrors.of(problem),
                    null, null, new ClaimForm(text, type, speaker), null)).build();
        }
    }

    @POST
    @Path("/{id}/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response editClaim(@RestPath long id, @RestPath long claimId, @RestForm Long version, @RestForm String type,
                              @RestForm String speaker, @RestForm String action, @RestForm String note) {
        claims.requireOfArticle(id, claimId);
        try {
            long seen = version == null ? -1 : version;
            String done;
            if ("dismiss".equals(action) || "restore".equals(action)) {
                review.transition(claimId, new TransitionRequest(action, null, note, seen, null), identity);
                done = "dismiss".equals(action) ? "claim-dismissed" : "claim-restored";
            } else {
                claims.edit(claimId, seen, type, speaker, identity);
                done = "claim-updated";
            }
            return SeeOther.to("/articles/" + id + "?claim=" + claimId + "&notice=" + done + "#claim-" + claimId);
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status()).entity(showPage(articles.find(id), null, FormErrors.of(problem),
                    null, claimId, ClaimForm.EMPTY, null)).build();
        }
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance editForm(@RestPath long id) {
        return Templates.form(FormData.of(articles.find(id)), FormErrors.NONE, null, List.of());
    }

    @POST
    @Path("/{id}")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response update(@RestPath long id, @BeanParam ArticleForm form) {
        try {
            if (form.version == null) {
                throw new org.quotecheck.web.InvalidInputException("version", "The form is missing its version; reload the page.");
            }
            ArticleInput input = form.toInput();
            try {
                articles.update(id, form.version, input, identity.getPrincipal().getName());
                return SeeOther.to("/articles/" + id + "?notice=updated");
            } catch (ArticleService.StaleArticleException stale) {
                return merge(id, form, input, stale.current());
            }
        } catch (ArticleService.StaleArticleException stale) {
            // Saved again by someone else while merging: the same page, from that newest version.
            return Response.status(409).entity(Templates.form(form.echo(id), FormErrors.of(stale), stale.current(), List.of())).build();
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(Templates.form(form.echo(id), FormErrors.of(problem), null, List.of())).build();
        }
    }

    /**
     * Someone else saved the article after this editor opened it. Fields only one side changed are merged; if nothing
     * conflicts the merged article is saved at once. Otherwise the form comes back with the merged values, the
     * editor's own text where both changed a field, and the differences shown word by word against the saved version:
     * saving it then keeps the other person's changes to every other field.
     */
    private Response merge(long id, ArticleForm form, ArticleInput input, ArticleView current) {
        Base base = form.base();
        String currentDate = current.publishedAt() == null ? "" : current.publishedAt().toString();
        List<EditMerge.Merged> merged = new java.util.ArrayList<>();
        java.util.function.BiPredicate<String, String> same = (value, was) -> base != null && value.strip().equals(was.strip());
        merged.add(EditMerge.merge(new EditMerge.Field("title", "Title", base == null ? null : base.title(), nullToEmpty(input.title()),
                current.title()), same));
        merged.add(EditMerge.merge(new EditMerge.Field("outlet", "Outlet", base == null ? null : base.outlet(),
                nullToEmpty(input.outlet()), nullToEmpty(current.outlet())), same));
        merged.add(EditMerge.merge(new EditMerge.Field("url", "Address (URL)", base == null ? null : base.url(),
                nullToEmpty(input.url()), nullToEmpty(current.url())), same));
        merged.add(EditMerge.merge(new EditMerge.Field("publishedAt", "Publication date", base == null ? null : base.publishedAt(),
                nullToEmpty(input.publishedAt()), currentDate), same));
        // A browser sends the text with CRLF line ends; the stored text has LF: compared and shown as stored.
        String myBody = nullToEmpty(input.body()).replace("\r\n", "\n");
        merged.add(EditMerge.merge(new EditMerge.Field("body", "Text", base == null ? null : base.bodyHash(), myBody,
                current.body().replace("\r\n", "\n")), (value, was) -> base != null && hash(value).equals(was)));
        Map<String, String> values = new java.util.HashMap<>();
        merged.forEach(m -> values.put(m.name(), m.value()));
        ArticleInput mergedInput = new ArticleInput(values.get("title"), values.get("outlet"), values.get("url"),
                values.get("publishedAt"), values.get("body"));
        if (merged.stream().noneMatch(EditMerge.Merged::conflict)) {
            articles.update(id, current.version(), mergedInput, identity.getPrincipal().getName());
            return SeeOther.to("/articles/" + id + "?notice=merged");
        }
        FormData retry = new FormData(id, current.version(), values.get("title"), values.get("outlet"), values.get("url"),
                values.get("publishedAt"), values.get("body"), Base.of(current));
        return Response.status(409).entity(Templates.form(retry, FormErrors.of(new ArticleService.StaleArticleException(current)),
                current, merged)).build();
    }

    @GET
    @Path("/{id}/delete")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.confirmDelete(articles.find(id), articles.deleteImpact(id));
    }

    @POST
    @Path("/{id}/delete")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @RolesAllowed(Role.ADMIN_NAME)
    public Response delete(@RestPath long id) {
        articles.delete(id, identity.getPrincipal().getName());
        return SeeOther.to("/articles?notice=deleted");
    }

    private static byte[] readUpload(FileUpload upload) {
        try {
            // Checked before a byte is read or converted.
            if (upload.size() > MAX_ARTICLE_UPLOAD_BYTES) {
                throw UploadedText.tooLarge(MAX_ARTICLE_UPLOAD_BYTES);
            }
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
