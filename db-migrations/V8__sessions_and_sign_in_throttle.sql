-- Signing out ends every session of the account: session cookies carry the version they were issued for.
ALTER TABLE app_user ADD COLUMN session_version bigint NOT NULL DEFAULT 0;

-- Failed sign-ins per account and per client address, for exponential backoff. Shared by every instance.
CREATE TABLE sign_in_failure (
    key              varchar(300) PRIMARY KEY,
    failures         integer      NOT NULL,
    last_failure_at  timestamptz  NOT NULL,
    locked_until     timestamptz
);
