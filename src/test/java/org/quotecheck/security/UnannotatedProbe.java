package org.quotecheck.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A resource that forgot to say who may call it: it exists only in the test build, to show that such an endpoint is
 * refused to everyone ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
@Path("/probe/unannotated")
public class UnannotatedProbe {

    @GET
    public String open() {
        return "should never be served";
    }
}
