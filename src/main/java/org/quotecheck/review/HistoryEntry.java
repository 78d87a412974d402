package org.quotecheck.review;

import java.time.OffsetDateTime;
import java.util.List;

/** A history entry as the API and the timeline show it. */
public record HistoryEntry(Long id, String kind, String actor, OffsetDateTime at, String action, String from, String to,
                           String rating, String note, List<Long> evidenceIds) {

    static HistoryEntry of(AuditEvent e) {
        return new HistoryEntry(e.id, e.kind, e.actor.username, e.at, e.action, e.fromState, e.toState, e.rating, e.note,
                e.evidenceIds == null ? List.of() : List.of(e.evidenceIds));
    }

    public String describe() {
        if ("COMMENT".equals(kind)) {
            return "commented";
        }
        if ("EVIDENCE".equals(kind)) {
            return "saved evidence";
        }
        return switch (action) {
            case "TAKE" -> "took the claim";
            case "SUBMIT" -> "submitted it for review";
            case "APPROVE" -> "approved it";
            case "RETURN" -> "returned it to the editor";
            case "DISMISS" -> "dismissed it";
            case "RESTORE" -> "restored it";
            case "REOPEN" -> "reopened it";
            default -> action.toLowerCase();
        };
    }
}
