-- Signed webhooks. An endpoint is a URL, a shared secret and the events it wants. Every event becomes one delivery
-- row per subscribed endpoint, written in the same transaction as the change it reports (so no event is lost and
-- none is reported for a change that rolled back). Deliveries are durable jobs: claimed with FOR UPDATE SKIP LOCKED,
-- retried with exponential backoff for at least 24 hours, in order per subject (a claim, an article, a source), and
-- marked DELIVERED once the receiver answered 2xx, after which no worker sends them again.
CREATE TABLE webhook_endpoint (
    id          bigserial     PRIMARY KEY,
    url         varchar(2000) NOT NULL,
    secret      varchar(200)  NOT NULL,
    events      varchar(300)  NOT NULL,
    created_by  bigint        NOT NULL REFERENCES app_user (id),
    created_at  timestamptz   NOT NULL,
    deleted_at  timestamptz,
    deleted_by  bigint        REFERENCES app_user (id),
    CONSTRAINT webhook_endpoint_secret_length CHECK (char_length(secret) BETWEEN 16 AND 200)
);

CREATE TABLE webhook_delivery (
    id              bigserial    PRIMARY KEY,
    endpoint_id     bigint       NOT NULL REFERENCES webhook_endpoint (id),
    event_id        uuid         NOT NULL,
    event_type      varchar(40)  NOT NULL,
    subject         varchar(60)  NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    data            text         NOT NULL,
    state           varchar(20)  NOT NULL DEFAULT 'PENDING',
    attempts        integer      NOT NULL DEFAULT 0,
    run_after       timestamptz  NOT NULL DEFAULT now(),
    locked_by       varchar(100),
    locked_until    timestamptz,
    last_status     integer,
    last_error      varchar(500),
    first_attempt_at timestamptz,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    redelivery_of   bigint       REFERENCES webhook_delivery (id),
    CONSTRAINT webhook_delivery_state_known CHECK (state IN ('PENDING', 'RUNNING', 'DELIVERED', 'FAILED'))
);

CREATE INDEX webhook_delivery_ready_idx ON webhook_delivery (run_after, id) WHERE state IN ('PENDING', 'RUNNING');
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (endpoint_id, subject, id) WHERE state IN ('PENDING', 'RUNNING');
CREATE INDEX webhook_delivery_recent_idx ON webhook_delivery (created_at DESC, id DESC);

ALTER TABLE audit_event
    DROP CONSTRAINT audit_event_kind_known,
    ADD CONSTRAINT audit_event_kind_known
        CHECK (kind IN ('TRANSITION', 'COMMENT', 'EVIDENCE', 'ARTICLE_DELETED', 'USER_CREATED', 'ROLES_CHANGED', 'TOKEN_CREATED',
                        'TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_DELETED', 'WEBHOOK_REDELIVERED'));
