-- Safe retries of the API's creating POSTs (Idempotency-Key). A key belongs to the account that sent it; the row is
-- written in the same transaction as what the request created, so a retry either finds the first answer or finds
-- nothing and runs again. Rows older than 24 hours are taken over by a new request and purged.
CREATE TABLE idempotency_key (
    owner       text        NOT NULL,
    key         text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    location    text,
    body        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, key),
    CONSTRAINT idempotency_key_length CHECK (char_length(key) BETWEEN 1 AND 255)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
