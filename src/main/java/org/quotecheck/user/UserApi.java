package org.quotecheck.user;

import org.quotecheck.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.quotecheck.web.InvalidInputException;

import java.util.List;

/** Account administration over JSON: administrators only. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class UserApi {

    @Inject
    UserService users;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** The body of {@code PUT /api/users/{id}/roles}. */
    public record RoleChange(List<String> roles) {
    }

    @POST
    @Idempotent
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = UserView.class)))
    public Response create(NewUser request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send the user as a JSON object.");
        }
        UserView created = users.create(request, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/users/{id}").build(created.id())).entity(created).build();
    }

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @PUT
    @Path("/{id}/roles")
    public UserView changeRoles(@RestPath long id, RoleChange request) {
        return users.changeRoles(id, request == null ? null : request.roles(), identity.getPrincipal().getName());
    }
}
