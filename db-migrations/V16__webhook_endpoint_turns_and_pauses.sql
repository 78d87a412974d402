-- At most one delivery in flight per endpoint, and endpoints paused after repeated failures. A sender holds the
-- endpoint (busy_by, busy_until: a lease longer than one request) while it sends one of its deliveries, so a receiver
-- that never answers holds up only its own deliveries, never another endpoint's. Every failed attempt counts against
-- the endpoint; a success resets the count. After too many failures in a row the endpoint is paused: nothing is sent
-- to it until an administrator resumes it.
ALTER TABLE webhook_endpoint
    ADD COLUMN busy_by              varchar(100),
    ADD COLUMN busy_until           timestamptz,
    ADD COLUMN failures_in_a_row    integer      NOT NULL DEFAULT 0,
    ADD COLUMN last_failure         varchar(500),
    ADD COLUMN paused_at            timestamptz,
    ADD COLUMN resumed_at           timestamptz,
    ADD COLUMN resumed_by           bigint       REFERENCES app_user (id);

ALTER TABLE audit_event
    DROP CONSTRAINT audit_event_kind_known,
    ADD CONSTRAINT audit_event_kind_known
        CHECK (kind IN ('TRANSITION', 'COMMENT', 'EVIDENCE', 'ARTICLE_DELETED', 'USER_CREATED', 'ROLES_CHANGED', 'TOKEN_CREATED',
                        'TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_DELETED', 'WEBHOOK_REDELIVERED', 'WEBHOOK_RESUMED'));
