package org.quotecheck.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The CSRF filter rejects a form post without a valid token with a bare 400. A person gets a page that says what
 * happened and what to do instead.
 */
public class RejectedFormPage {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        boolean bareRejection = response.getStatus() == 400 && !response.hasEntity();
        boolean page = !request.getUriInfo().getPath().startsWith("/api");
        if (bareRejection && page && "POST".equals(request.getMethod())) {
            response.setEntity(ErrorResponses.Templates.expired().render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
