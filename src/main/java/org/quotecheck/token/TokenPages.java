package org.quotecheck.token;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.user.Role;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.Notices;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.util.List;
import java.util.Map;

/** The administrators' page for API tokens: create one (shown once), see which are in use, revoke. */
@Path("/admin/tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class TokenPages {

    private static final Notices NOTICES = new Notices(Map.of("revoked", "Token revoked: its next call is refused."));

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance tokens(List<TokenService.TokenView> tokens, TokenForm form, FormErrors errors,
                                              String notice, TokenService.CreatedToken created);
    }

    /** What the form gives back after an error. */
    public record TokenForm(String name, List<String> roles, String expiresAt) {
        static final TokenForm EMPTY = new TokenForm("", List.of("EDITOR"), "");

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }
    }

    @GET
    public TemplateInstance list(@RestQuery String notice) {
        return Templates.tokens(tokens.list(), TokenForm.EMPTY, FormErrors.NONE, NOTICES.forKey(notice), null);
    }

    /** The new token is shown on this answer only (no redirect: it must not travel in a URL or be kept anywhere). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm List<String> roles, @RestForm String expiresAt) {
        try {
            TokenService.CreatedToken created = tokens.create(new TokenService.NewToken(name, roles, expiresAt),
                    identity.getPrincipal().getName());
            return Response.status(201).header("Cache-Control", "no-store")
                    .entity(Templates.tokens(tokens.list(), TokenForm.EMPTY, FormErrors.NONE, null, created)).build();
        } catch (ProblemException problem) {
            TokenForm echo = new TokenForm(name, roles == null ? List.of() : roles, expiresAt);
            return Response.status(problem.status())
                    .entity(Templates.tokens(tokens.list(), echo, FormErrors.of(problem), null, null)).build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath long id) {
        tokens.revoke(id, identity.getPrincipal().getName());
        return SeeOther.to("/admin/tokens?notice=revoked");
    }
}
