package org.quotecheck.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.user.User;

import java.time.OffsetDateTime;
import java.util.List;

/** A claim in an article: a quote, reported speech or statement, found by extraction or marked by an editor. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    public enum Origin { EXTRACTED, MANUAL }

    public enum State { NEW, IN_PROGRESS, IN_REVIEW, APPROVED, RETURNED, DISMISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The article, by id: claims know their article, articles do not depend on the claim feature. */
    @Column(name = "article_id")
    public Long articleId;

    @Enumerated(EnumType.STRING)
    public ClaimType type;

    public String text;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    public String speaker;

    /** Whether the speaker is a person, an organisation or a document; null when unknown. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @jakarta.persistence.Column(name = "speaker_kind")
    public org.quotecheck.claim.extraction.SpeakerKind speakerKind;

    public String cue;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ClaimNumber> numbers;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    public State state;

    public String rating;

    @Column(name = "text_missing")
    public boolean textMissing;

    public String note;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public User assignee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submitted_by")
    public User submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public String rationale;

    @Column(name = "no_source_found")
    public boolean noSourceFound;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public User decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<Claim> ofArticle(long articleId) {
        // The users are shown with every claim: fetch them in the same query, not one query per claim.
        return list("from Claim c left join fetch c.assignee left join fetch c.submittedBy left join fetch c.decidedBy"
                + " where c.articleId = ?1 order by c.start, c.end desc, c.id", articleId);
    }
}
