package org.quotecheck.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quotecheck.user.User;
import org.quotecheck.verification.CheckResult;

import java.time.OffsetDateTime;
import java.util.List;

/** A check of a claim against one source version, saved with the editor's note. */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id")
    public Long claimId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_version_id")
    public SourceVersion sourceVersion;

    @Column(name = "content_hash")
    public String contentHash;

    public String classification;

    public double score;

    @Column(name = "passage_start")
    public Integer passageStart;

    @Column(name = "passage_end")
    public Integer passageEnd;

    public String exact;

    public String prefix;

    public String suffix;

    @JdbcTypeCode(SqlTypes.JSON)
    public CheckResult result;

    public String note;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public User createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<Evidence> ofClaim(long claimId) {
        return list("claimId = ?1 order by createdAt", claimId);
    }
}
