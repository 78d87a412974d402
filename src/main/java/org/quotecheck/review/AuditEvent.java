package org.quotecheck.review;

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
import org.hibernate.annotations.Immutable;
import org.quotecheck.user.User;

import java.time.OffsetDateTime;
import java.util.List;

/** One step in a claim's history: a transition or a comment. Written once, never changed (a trigger enforces it). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id")
    public Long claimId;

    @Column(name = "article_id")
    public Long articleId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    public User actor;

    public OffsetDateTime at;

    public String kind;

    public String action;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    public String rating;

    public String note;

    @Column(name = "evidence_ids")
    public Long[] evidenceIds;

    public static List<AuditEvent> ofClaim(long claimId) {
        return list("claimId = ?1 order by at, id", claimId);
    }
}
