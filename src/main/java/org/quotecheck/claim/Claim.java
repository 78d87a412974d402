package org.quotecheck.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quotecheck.claim.extraction.ClaimType;

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

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<Claim> ofArticle(long articleId) {
        return list("articleId = ?1 order by start, end desc, id", articleId);
    }
}
