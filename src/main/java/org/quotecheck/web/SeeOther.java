package org.quotecheck.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Post/redirect/get: after a successful form post the browser is sent to the result with 303 See Other. */
public final class SeeOther {

    private SeeOther() {
    }

    public static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
