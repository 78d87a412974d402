package org.quotecheck.webhook;

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
import org.quotecheck.web.PageResult;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.util.List;
import java.util.Map;

/** The administrators' webhooks page: endpoints, registering one, and recent deliveries with redelivery. */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class WebhookPages {

    private static final Notices NOTICES = new Notices(Map.of("registered", "Endpoint registered.",
            "removed", "Endpoint removed: nothing more is sent to it.", "redelivered", "Delivery queued again.",
            "resumed", "Endpoint resumed: its waiting deliveries are being sent."));

    @Inject
    WebhookService webhooks;

    @Inject
    SecurityIdentity identity;

    @Inject
    org.quotecheck.config.QuotecheckConfig config;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance webhooks(List<WebhookService.EndpointView> endpoints,
                                                PageResult<WebhookService.DeliveryView> deliveries, List<String> events,
                                                EndpointForm form, FormErrors errors, String notice, int pauseAfter);
    }

    /** What the form gives back after an error (never the secret). */
    public record EndpointForm(String url, List<String> events) {
        static final EndpointForm EMPTY = new EndpointForm("", List.of("claim.approved"));

        public boolean wants(String event) {
            return events != null && events.contains(event);
        }
    }

    @GET
    public TemplateInstance list(@RestQuery String notice, @RestQuery Integer page) {
        return page(EndpointForm.EMPTY, FormErrors.NONE, NOTICES.forKey(notice), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String url, @RestForm String secret, @RestForm List<String> events) {
        try {
            webhooks.register(new WebhookService.NewEndpoint(url, secret, events), identity.getPrincipal().getName());
            return SeeOther.to("/admin/webhooks?notice=registered");
        } catch (ProblemException problem) {
            EndpointForm echo = new EndpointForm(url, events == null ? List.of() : events);
            return Response.status(problem.status()).entity(page(echo, FormErrors.of(problem), null, 1)).build();
        }
    }

    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath long id) {
        webhooks.remove(id, identity.getPrincipal().getName());
        return SeeOther.to("/admin/webhooks?notice=removed");
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@RestPath long id) {
        webhooks.resume(id, identity.getPrincipal().getName());
        return SeeOther.to("/admin/webhooks?notice=resumed");
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@RestPath long id) {
        try {
            webhooks.redeliver(id, identity.getPrincipal().getName());
            return SeeOther.to("/admin/webhooks?notice=redelivered#deliveries");
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status()).entity(page(EndpointForm.EMPTY, FormErrors.of(problem), null, 1)).build();
        }
    }

    private TemplateInstance page(EndpointForm form, FormErrors errors, String notice, Integer page) {
        return Templates.webhooks(webhooks.endpoints(), webhooks.recent(null, PageResult.clampPage(page), 25),
                WebhookService.EVENTS, form, errors, notice, config.webhooks().pauseAfter());
    }
}
