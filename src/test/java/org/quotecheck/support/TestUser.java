package org.quotecheck.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** An account created for one test; {@link #api()} sends its HTTP Basic credentials. */
public record TestUser(String username, String password) {

    public RequestSpecification api() {
        return RestAssured.given().auth().preemptive().basic(username, password);
    }

    public BrowserSession signIn() {
        return BrowserSession.signIn(this);
    }
}
