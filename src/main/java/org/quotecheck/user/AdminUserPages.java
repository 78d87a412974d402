package org.quotecheck.user;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.Notices;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.util.List;
import java.util.Map;

/** The administrators' account page: list, create, change roles. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminUserPages {

    private static final Notices NOTICES = new Notices(Map.of("created", "Account created.", "roles", "Roles changed."));

    @Inject
    UserService users;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance users(List<UserView> users, NewUserForm form, FormErrors errors, String notice);
    }

    /** What the create form gives back after an error (never the password). */
    public record NewUserForm(String username, String displayName, List<String> roles) {
        static final NewUserForm EMPTY = new NewUserForm("", "", List.of("EDITOR"));

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }
    }

    @GET
    public TemplateInstance list(@RestQuery String notice) {
        return Templates.users(users.list(), NewUserForm.EMPTY, FormErrors.NONE, NOTICES.forKey(notice));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String displayName,
                           @RestForm List<String> roles) {
        try {
            users.create(new NewUser(username, password, displayName, roles), identity.getPrincipal().getName());
            return SeeOther.to("/admin/users?notice=created");
        } catch (ProblemException problem) {
            NewUserForm echo = new NewUserForm(username, displayName, roles == null ? List.of() : roles);
            return Response.status(problem.status())
                    .entity(Templates.users(users.list(), echo, FormErrors.of(problem), null)).build();
        }
    }

    @POST
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRoles(@RestPath long id, @RestForm List<String> roles) {
        try {
            users.changeRoles(id, roles, identity.getPrincipal().getName());
            return SeeOther.to("/admin/users?notice=roles");
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(Templates.users(users.list(), NewUserForm.EMPTY, FormErrors.of(problem), null)).build();
        }
    }
}
