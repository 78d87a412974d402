-- The export log is an audit trail too: written once, never changed.
CREATE TRIGGER report_export_append_only BEFORE UPDATE OR DELETE ON report_export
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
