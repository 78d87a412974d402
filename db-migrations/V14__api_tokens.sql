-- API tokens for integrations. Each token acts through an account of its own (kind TOKEN), so that every claim step,
-- comment and audit entry names the token that acted; the token row says which person created it and when it was
-- revoked. Only a SHA-256 digest of the token's secret is stored: the token itself is shown once, when created.
ALTER TABLE app_user ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'PERSON';
ALTER TABLE app_user ADD CONSTRAINT app_user_kind_known CHECK (kind IN ('PERSON', 'TOKEN'));

CREATE TABLE api_token (
    id            bigserial    PRIMARY KEY,
    public_id     varchar(16)  NOT NULL,
    name          varchar(100) NOT NULL,
    account_id    bigint       NOT NULL REFERENCES app_user (id),
    secret_digest bytea        NOT NULL,
    roles         varchar(100) NOT NULL,
    created_by    bigint       NOT NULL REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    revoked_by    bigint       REFERENCES app_user (id),
    last_used_at  timestamptz,
    CONSTRAINT api_token_public_id_unique UNIQUE (public_id),
    CONSTRAINT api_token_account_unique UNIQUE (account_id),
    CONSTRAINT api_token_digest_length CHECK (octet_length(secret_digest) = 32),
    CONSTRAINT api_token_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX api_token_created_idx ON api_token (created_at DESC, id DESC);

ALTER TABLE audit_event
    DROP CONSTRAINT audit_event_kind_known,
    ADD CONSTRAINT audit_event_kind_known
        CHECK (kind IN ('TRANSITION', 'COMMENT', 'EVIDENCE', 'ARTICLE_DELETED', 'USER_CREATED', 'ROLES_CHANGED', 'TOKEN_CREATED',
                        'TOKEN_REVOKED'));
