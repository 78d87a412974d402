package org.quotecheck.user;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.security.SafeRedirect;
import org.quotecheck.security.SignInService;
import org.quotecheck.security.Sessions;
import org.quotecheck.web.SeeOther;

/**
 * Sign-in and sign-out. A failed sign-in says so and keeps the username; after repeated failures the form says how
 * long to wait. Signing out ends every session of the account on the server, not only this browser's cookie.
 */
@Path("/")
@Authenticated
public class LoginPages {

    @Inject
    SecurityIdentity identity;

    @Inject
    SignInService signIn;

    @Inject
    Sessions sessions;

    /** What the sign-in page says above the form. */
    public enum Notice { NONE, WRONG, MISSING, THROTTLED, SIGNED_OUT, SESSION_ENDED }

    @CheckedTemplate(basePath = "login")
    static class Templates {
        static native TemplateInstance login(Notice notice, long retryAfter, String username, String next, boolean demo,
                                             String demoPassword);

        static native TemplateInstance logout();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return SeeOther.to("/dashboard");
    }

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery String next, jakarta.ws.rs.core.UriInfo uri) {
        if (!identity.isAnonymous()) {
            return SeeOther.to(SafeRedirect.orHome(next));
        }
        // "/login?out", with or without a value, is where signing out lands.
        boolean signedOut = uri.getQueryParameters().containsKey("out");
        return page(200, signedOut ? Notice.SIGNED_OUT : Notice.NONE, 0, "", next);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
                           RoutingContext context) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return page(422, Notice.MISSING, 0, name, next);
        }
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        SignInService.Outcome outcome = signIn.attempt(name, password, address, "sign-in form");
        if (outcome instanceof SignInService.SignedIn signedIn) {
            sessions.start(context, signedIn.account());
            return SeeOther.to(SafeRedirect.orHome(next));
        }
        if (outcome instanceof SignInService.Throttled throttled) {
            return Response.fromResponse(page(429, Notice.THROTTLED, throttled.retryAfterSeconds(), name, next))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        return page(401, Notice.WRONG, 0, name, next);
    }

    private static Response page(int status, Notice notice, long retryAfter, String username, String next) {
        boolean demo = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        String back = next != null && SafeRedirect.isLocal(next) ? next : "";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(notice, retryAfter, username, back, demo, demo ? DemoAccounts.PASSWORD : null))
                .build();
    }

    @GET
    @Path("logout")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Object confirmLogout() {
        return identity.isAnonymous() ? SeeOther.to("/login") : Templates.logout();
    }

    /** Ends every session of the account (the session version moves on) and clears this browser's cookie. */
    @POST
    @Path("logout")
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout(RoutingContext context) {
        if (!identity.isAnonymous()) {
            signIn.endSessions(identity.getPrincipal().getName());
        }
        sessions.clear(context);
        return SeeOther.to("/login?out");
    }
}
