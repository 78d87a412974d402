package org.quotecheck.claim;

import org.quotecheck.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import org.quotecheck.web.NotFoundProblem;

import java.util.List;

/** An article's claims over JSON: list them in text order, mark one by hand. */
@io.quarkus.security.Authenticated
@Path("/api/articles/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleClaimsApi {

    @Inject
    ClaimService claims;

    @Inject
    EntityManager entityManager;

    @GET
    @Transactional
    public List<ClaimView> ofArticle(@RestPath long id) {
        long exists = entityManager.createQuery("select count(a) from Article a where a.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (exists == 0) {
            throw new NotFoundProblem("There is no article " + id + ".");
        }
        return claims.ofArticle(id);
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ClaimView.class)))
    public Response mark(@RestPath long id, ManualClaim request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {start, end, type, speaker?} as a JSON object.");
        }
        ClaimView created = claims.addManual(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/claims/{id}").build(created.id())).entity(created).build();
    }
}
