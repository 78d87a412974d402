package org.quotecheck.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.quotecheck.claim.extraction.ClaimType;
import org.quotecheck.user.Role;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.web.InvalidInputException;

/** {@code POST /api/verify}: check a quote against a text, store nothing. */
@io.quarkus.security.Authenticated
@Path("/api/verify")
public class VerifyApi {

    @Inject
    CheckService checks;

    /** {@code {quote, sourceText}} or {@code {quote, sourceId}}; {@code claimType} DIRECT_QUOTE by default. */
    public record VerifyRequest(String quote, String sourceText, Long sourceId, String claimType) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public CheckResult verify(VerifyRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {quote, sourceText} or {quote, sourceId} as a JSON object.");
        }
        if (request.sourceId() != null && request.sourceText() != null) {
            throw new InvalidInputException("sourceId", "Send either sourceText or sourceId, not both.");
        }
        ClaimType type;
        try {
            type = request.claimType() == null || request.claimType().isBlank() ? ClaimType.DIRECT_QUOTE
                    : ClaimType.valueOf(request.claimType().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("claimType", "Use DIRECT_QUOTE, PARTIAL_QUOTE, INDIRECT_QUOTE or STATEMENT.");
        }
        return checks.verify(request.quote(), request.sourceText(), request.sourceId(), type);
    }
}
