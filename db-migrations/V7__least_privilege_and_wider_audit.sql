-- Least privilege. Migrations run as the schema owner; the application may connect as another role (the embedded
-- server's quotecheck_app, or QUARKUS_DATASOURCE_USERNAME when QUARKUS_FLYWAY_USERNAME names the owner). That role
-- reads and writes the tables, but may only read and append to the audit tables. When one role does both, its own
-- UPDATE, DELETE and TRUNCATE rights on the audit tables are revoked all the same, and the triggers refuse them.

-- TRUNCATE bypasses row triggers: refuse it with a statement trigger.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER report_export_no_truncate BEFORE TRUNCATE ON report_export
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The audit trail also records what is not a claim's step: deleted articles, created accounts, changed roles.
ALTER TABLE audit_event
    ALTER COLUMN claim_id DROP NOT NULL,
    ALTER COLUMN article_id DROP NOT NULL,
    ADD COLUMN subject_user_id bigint REFERENCES app_user (id),
    ADD COLUMN details jsonb,
    DROP CONSTRAINT audit_event_kind_known,
    ADD CONSTRAINT audit_event_kind_known
        CHECK (kind IN ('TRANSITION', 'COMMENT', 'ARTICLE_DELETED', 'USER_CREATED', 'ROLES_CHANGED')),
    ADD CONSTRAINT audit_event_claim_steps_have_claim
        CHECK (kind NOT IN ('TRANSITION', 'COMMENT') OR (claim_id IS NOT NULL AND article_id IS NOT NULL));

CREATE INDEX audit_event_other_kinds_idx ON audit_event (at DESC, id DESC) WHERE claim_id IS NULL;

DO $$
DECLARE
    app text := nullif('${app_role}', '');
BEGIN
    IF app IS NOT NULL AND app <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app);
    END IF;
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, report_export FROM %I', coalesce(app, current_user));
END
$$;
