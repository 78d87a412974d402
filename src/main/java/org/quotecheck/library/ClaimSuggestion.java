package org.quotecheck.library;

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
import org.quotecheck.source.SourceVersion;
import org.quotecheck.verification.CheckResult;

import java.time.OffsetDateTime;

/** A source the background search found for a claim: the version it checked and what the check said. */
@Entity
@Table(name = "claim_suggestion")
public class ClaimSuggestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id")
    public Long claimId;

    public int rank;

    @Column(name = "source_id")
    public Long sourceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_version_id")
    public SourceVersion sourceVersion;

    public String classification;

    public double score;

    @JdbcTypeCode(SqlTypes.JSON)
    public CheckResult result;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
