package org.quotecheck.webhook;

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
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.idempotency.Idempotent;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PageResult;

import java.util.List;

/** Webhook endpoints and their deliveries over JSON: administrators only. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class WebhookApi {

    @Inject
    WebhookService webhooks;

    @Inject
    SecurityIdentity identity;

    @POST
    @Idempotent
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = WebhookService.EndpointView.class)))
    public Response register(WebhookService.NewEndpoint request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send the endpoint as a JSON object: {\"url\", \"secret\", \"events\"}.");
        }
        WebhookService.EndpointView created = webhooks.register(request, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/webhooks/{id}").build(created.id())).entity(created).build();
    }

    @GET
    public List<WebhookService.EndpointView> list() {
        return webhooks.endpoints();
    }

    @GET
    @Path("/{id}")
    public WebhookService.EndpointView get(@RestPath long id) {
        return webhooks.endpoint(id);
    }

    /** Stops deliveries to the endpoint; those not yet made are given up. 204; removing again is harmless. */
    @DELETE
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Removed (or it was already)")
    public Response remove(@RestPath long id) {
        webhooks.remove(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    /**
     * Sends to a paused endpoint again (it was paused after repeated failures): 200 with the endpoint; the
     * deliveries waiting for it are tried at once. Resuming an endpoint that is not paused changes nothing.
     */
    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    public WebhookService.EndpointView resume(@RestPath long id) {
        return webhooks.resume(id, identity.getPrincipal().getName());
    }

    /** Recent deliveries, newest first, of every endpoint or of one ({@code endpointId}). */
    @GET
    @Path("/deliveries")
    public PageResult<WebhookService.DeliveryView> deliveries(@RestQuery Long endpointId, @RestQuery Integer page,
                                                             @RestQuery Integer size) {
        return webhooks.recent(endpointId, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    /** Sends a finished delivery again: 202 with the new delivery. */
    @POST
    @Path("/deliveries/{id}/redeliver")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "Queued again: the new delivery",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = WebhookService.DeliveryView.class)))
    @Consumes(MediaType.WILDCARD)
    public Response redeliver(@RestPath long id) {
        return Response.accepted(webhooks.redeliver(id, identity.getPrincipal().getName())).build();
    }
}
