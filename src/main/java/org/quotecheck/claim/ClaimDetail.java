package org.quotecheck.claim;

import java.util.List;

/** {@code GET /api/claims/{id}}: the claim with its evidence and history (filled by the verification and review features). */
public record ClaimDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped ClaimView claim, List<?> evidence, List<Object> history) {
}
