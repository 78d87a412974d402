package org.quotecheck.claim;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/** Single claims over JSON ({@code API.md}); an article's claims are in {@link ArticleClaimsApi}. */
@io.quarkus.security.Authenticated
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimApi {

    @Inject
    ClaimService claims;

    @Inject
    EvidenceLookup evidence;

    @Inject
    HistoryLookup history;

    @Inject
    SecurityIdentity identity;

    /** The body of {@code PUT /api/claims/{id}}: a corrected type or speaker, with the version the caller saw. */
    public record ClaimEdit(String type, String speaker, Long version) {
    }

    @GET
    @Path("/{id}")
    public ClaimDetail get(@RestPath long id) {
        return new ClaimDetail(claims.find(id), List.copyOf(evidence.ofClaim(id)), List.copyOf(history.ofClaim(id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public ClaimView edit(@RestPath long id, ClaimEdit request) {
        if (request == null || request.version() == null) {
            throw new InvalidInputException("version", "Send the claim's version as you last saw it.");
        }
        return claims.edit(id, request.version(), request.type(), request.speaker(), identity);
    }
}
