package org.quotecheck.source;

import org.quotecheck.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/** Evidence of a claim: {@code POST /api/claims/{id}/evidence} checks the claim against a source and stores it. */
@io.quarkus.security.Authenticated
@Path("/api/claims/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceApi {

    @Inject
    CheckService checks;

    @Inject
    SecurityIdentity identity;

    public record NewEvidence(Long sourceId, String note) {
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = EvidenceView.class)))
    public Response attach(@RestPath long id, NewEvidence request, UriInfo uri) {
        if (request == null || request.sourceId() == null) {
            throw new InvalidInputException("sourceId", "Name the source to check the claim against.");
        }
        EvidenceView saved = checks.attach(id, request.sourceId(), request.note(), identity);
        return Response.created(uri.getBaseUriBuilder().path("api/claims/{id}").build(id)).entity(saved).build();
    }

    @GET
    public List<EvidenceView> list(@RestPath long id) {
        return checks.ofClaim(id);
    }
}
