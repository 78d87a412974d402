package org.quotecheck.token;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** An API token as stored: its digest, never the token itself. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_id")
    public String publicId;

    public String name;

    /** The account the token acts through (kind TOKEN). */
    @Column(name = "account_id")
    public long accountId;

    @Column(name = "secret_digest")
    public byte[] secretDigest;

    /** Comma-separated role names, as on accounts. */
    public String roles;

    @Column(name = "created_by")
    public long createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public Long revokedBy;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    static Optional<ApiToken> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    /** ACTIVE, EXPIRED or REVOKED at {@code now}. */
    public String state(OffsetDateTime now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
    }
}
