package org.quotecheck.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.quotecheck.user.Role;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.web.InvalidInputException;

/** {@code POST /api/verify}: check a quote against a text, store nothing. */
@io.quarkus.security.Authenticated
@Path("/api/verify")
public class VerifyApi {

    @Inject
    CheckService checks;

    public record VerifyRequest(String quote, String sourceText) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
    public CheckResult verify(VerifyRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {quote, sourceText} as a JSON object.");
        }
        return checks.verify(request.quote(), request.sourceText());
    }
}
