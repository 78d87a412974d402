package org.quotecheck.user;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.web.SeeOther;

/** Sign-in and sign-out. The form posts to Quarkus' form authentication ({@code /j_security_check}). */
@Path("/")
public class LoginPages {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @CheckedTemplate(basePath = "login")
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut, boolean demo, String demoPassword);

        static native TemplateInstance logout();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return SeeOther.to("/dashboard");
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery String error, @RestQuery String out) {
        if (!identity.isAnonymous()) {
            return SeeOther.to("/");
        }
        boolean demo = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        return Response.status(error != null ? 401 : 200)
                .entity(Templates.login(error != null, out != null, demo, demo ? DemoAccounts.PASSWORD : null))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("logout")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmLogout() {
        return Templates.logout();
    }

    @POST
    @Path("logout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(java.net.URI.create("/login?out")).cookie(expired).build();
    }
}
