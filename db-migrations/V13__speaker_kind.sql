-- Who a claim's speaker is: a person, an organisation (a company, a ministry) or a document (a statement, a report).
-- Existing speakers are left unclassified (NULL) until the claim is extracted or edited again.
ALTER TABLE claim ADD COLUMN speaker_kind varchar(20);
ALTER TABLE claim ADD CONSTRAINT claim_speaker_kind_known
    CHECK (speaker_kind IS NULL OR speaker_kind IN ('PERSON', 'ORGANISATION', 'DOCUMENT'));
