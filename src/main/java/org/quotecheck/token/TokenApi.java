package org.quotecheck.token;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.idempotency.Idempotent;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/** API tokens over JSON: administrators only. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TokenApi {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    /** 201 with the token, shown this once. A retry with the same Idempotency-Key gets the answer without it. */
    @POST
    @Idempotent
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = TokenService.CreatedToken.class)))
    public Response create(TokenService.NewToken request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send the token as a JSON object: {\"name\", \"roles\", \"expiresAt\"}.");
        }
        TokenService.CreatedToken created = tokens.create(request, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/tokens/{id}").build(created.id())).entity(created)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public List<TokenService.TokenView> list() {
        return tokens.list();
    }

    @GET
    @Path("/{id}")
    public TokenService.TokenView get(@RestPath long id) {
        return tokens.get(id);
    }

    /** Revokes the token: its next call is refused. 204; revoking again is harmless. */
    @DELETE
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Revoked (or it was already)")
    public Response revoke(@RestPath long id) {
        tokens.revoke(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
