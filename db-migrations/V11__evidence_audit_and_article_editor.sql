-- Saving evidence is a step of a claim's history: an audit event of its own, shown in the claim's timeline.
ALTER TABLE audit_event
    DROP CONSTRAINT audit_event_kind_known,
    ADD CONSTRAINT audit_event_kind_known
        CHECK (kind IN ('TRANSITION', 'COMMENT', 'EVIDENCE', 'ARTICLE_DELETED', 'USER_CREATED', 'ROLES_CHANGED')),
    DROP CONSTRAINT audit_event_claim_steps_have_claim,
    ADD CONSTRAINT audit_event_claim_steps_have_claim
        CHECK (kind NOT IN ('TRANSITION', 'COMMENT', 'EVIDENCE') OR (claim_id IS NOT NULL AND article_id IS NOT NULL));

-- Who saved an article last (the stale-edit page names them); the author until someone edits it.
ALTER TABLE article ADD COLUMN updated_by bigint REFERENCES app_user (id);
UPDATE article SET updated_by = created_by;
