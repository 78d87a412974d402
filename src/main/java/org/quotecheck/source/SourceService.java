package org.quotecheck.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.semantic.SemanticState;
import org.quotecheck.text.Captions;
import org.quotecheck.user.User;
import org.quotecheck.web.NotFoundProblem;
import org.quotecheck.web.PageResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The source library: create sources, add corrected versions, find them by words in the title or text. */
@ApplicationScoped
public class SourceService {

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<SourceCorrected> corrected;


    @Inject
    EntityManager entityManager;

    @Inject
    org.quotecheck.jobs.JobQueue jobs;

    @Inject
    org.quotecheck.semantic.MeaningService meaning;

    @Transactional
    public SourceView create(SourceInput input, List<Captions.Cue> cues, String fileName, String username) {
        SourceInput.Valid valid = input.validate();
        User author = user(username);
        Source source = new Source();
        source.title = valid.title();
        source.type = valid.type();
        source.url = valid.url();
        source.retrievedOn = valid.retrievedOn();
        source.speakers = valid.speakers();
        source.createdBy = author;
        source.createdAt = OffsetDateTime.now();
        source.persist();
        SourceVersion version = addVersion(source, valid.text(), cues, fileName, author);
        return SourceView.of(source, version, false).withSemantic(new SemanticState(SemanticState.State.PENDING, 0, 0));
    }

    /** A corrected text: a new version; earlier versions and the evidence pointing at them stay as they were. */
    @Transactional
    public SourceView correct(long sourceId, String text, List<Captions.Cue> cues, String fileName, String username) {
        String clean = SourceInput.checkText(text);
        if (!org.quotecheck.text.Words.present(clean)) {
            throw new org.quotecheck.web.InvalidInputException("text", clean.isBlank() ? "Paste the corrected text or upload a file."
                    : "The text has no letters or digits; paste the corrected source's words.");
        }
        // One correction at a time per source: a second waits here and then numbers its version after the first.
        Source source = entityManager.find(Source.class, sourceId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            source = load(sourceId); // the usual "there is no source" answer
        }
        SourceVersion latest = SourceVersion.latest(sourceId).orElseThrow();
        if (latest.contentHash.equals(sha256(clean))) {
            throw new org.quotecheck.web.ConflictException("This text is the same as version " + latest.number + ".");
        }
        SourceVersion version = addVersion(source, clean, cues, fileName, user(username));
        SourceView view = SourceView.of(source, version, false).withSemantic(new SemanticState(SemanticState.State.PENDING, 0, 0));
        corrected.fire(new SourceCorrected(view, latest.number, username));
        return view;
    }

    @Transactional
    public SourceView find(long id, boolean withText) {
        Source source = load(id);
        SourceVersion latest = SourceVersion.latest(id).orElseThrow();
        return SourceView.of(source, latest, withText).withSemantic(meaning.state(latest.id));
    }

    @Transactional
    public List<SourceVersion> versions(long id) {
        load(id);
        return SourceVersion.allOf(id);
    }

    /** Newest first; with {@code query}, PostgreSQL full-text search over title, speakers and text, best first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public PageResult<SourceView> search(String query, int page, int size) {
        boolean filtered = query != null && !query.isBlank();
        String where = filtered ? " where (to_tsvector('english', s.title || ' ' || coalesce(s.speakers, '')) @@ q"
                + " or v.search_vector @@ q)" : "";
        String from = " from source s join lateral (select * from source_version x where x.source_id = s.id"
                + " order by x.number desc limit 1) v on true" + (filtered ? ", websearch_to_tsquery('english', :q) q" : "");
        String order = filtered
                ? " order by ts_rank(v.search_vector, q) + 2 * ts_rank(to_tsvector('english', s.title), q) desc, s.id desc"
                : " order by s.created_at desc, s.id desc";
        var count = entityManager.createNativeQuery("select count(*)" + from + where);
        var ids = entityManager.createNativeQuery("select s.id" + from + where + order);
        if (filtered) {
            count.setParameter("q", query.strip());
            ids.setParameter("q", query.strip());
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Number> found = ids.setFirstResult(PageResult.offset(page, size)).setMaxResults(size).getResultList();
        List<SourceView> items = found.stream().map(id -> find(id.longValue(), false)).toList();
        return new PageResult<>(items, page, size, total);
    }

    /** The caption timings of the latest version, or null for sources that are not captions. */
    @Transactional
    public List<Captions.Cue> cues(long sourceId) {
        return latestVersion(sourceId).cues;
    }

    SourceVersion latestVersion(long sourceId) {
        load(sourceId);
        return SourceVersion.latest(sourceId).orElseThrow();
    }

    private SourceVersion addVersion(Source source, String text, List<Captions.Cue> cues, String fileName, User author) {
        Optional<SourceVersion> previous = SourceVersion.latest(source.id);
        previous.ifPresent(p -> {
            p.latest = false;
            entityManager.flush(); // at most one latest version per source, checked by a unique index
        });
        SourceVersion version = new SourceVersion();
        version.source = source;
        version.number = previous.map(v -> v.number + 1).orElse(1);
        version.latest = true;
        version.text = text;
        version.contentHash = sha256(text);
        version.cues = cues;
        version.fileName = fileName;
        version.createdBy = author;
        version.createdAt = OffsetDateTime.now();
        version.persist();
        entityManager.flush(); // the version's id, for its job
        // Passages and their vectors are made in the background; the job exists exactly when the version does.
        jobs.enqueue(org.quotecheck.semantic.PassageJob.KIND, version.id);
        return version;
    }

    private static Source load(long id) {
        return Source.<Source>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("There is no source " + id + "."));
    }

    private static User user(String username) {
        return User.findByUsername(username).orElseThrow(() -> new IllegalStateException("no account " + username));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
