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
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PageResult;

/** The source library over JSON ({@code API.md}). */
@io.quarkus.security.Authenticated
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceApi {

    @Inject
    SourceService sources;

    @Inject
    SecurityIdentity identity;

    /** The body of {@code POST /api/sources}. */
    public record NewSource(String title, String type, String url, String text, String retrievedOn, String speakers) {
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = SourceView.class)))
    public Response create(NewSource request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send the source as a JSON object.");
        }
        SourceView created = sources.create(new SourceInput(request.title(), request.type(), request.url(),
                request.retrievedOn(), request.speakers(), request.text()), null, null, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/sources/{id}").build(created.id())).entity(created).build();
    }

    /** The body of {@code POST /api/sources/{id}/versions}: the corrected text. */
    public record Correction(String text) {
    }

    /** A corrected text: a new version; evidence that points at older versions is flagged as checked before the correction. */
    @POST
    @Idempotent
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = SourceView.class)))
    public Response correct(@RestPath long id, Correction request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send {text} as a JSON object.");
        }
        SourceView corrected = sources.correct(id, request.text(), null, null, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/sources/{id}").build(corrected.id())).entity(corrected).build();
    }

    @GET
    public PageResult<SourceView> search(@RestQuery String q, @RestQuery Integer page, @RestQuery Integer size) {
        return sources.search(q, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GET
    @Path("/{id}")
    public SourceView get(@RestPath long id) {
        return sources.find(id, true);
    }
}
