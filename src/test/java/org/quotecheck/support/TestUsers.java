package org.quotecheck.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quotecheck.user.NewUser;
import org.quotecheck.user.UserService;

import java.util.Arrays;
import java.util.UUID;

/** Creates a fresh account per test, so that tests never share users or depend on each other's data. */
@ApplicationScoped
public class TestUsers {

    public static final String PASSWORD = "correct-horse-42";

    @Inject
    UserService users;

    public TestUser create(String... roles) {
        String username = "t-" + String.join("-", roles).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, PASSWORD, "Test " + username, Arrays.asList(roles)), null);
        return new TestUser(username, PASSWORD);
    }

    public TestUser editor() {
        return create("EDITOR");
    }

    public TestUser reviewer() {
        return create("REVIEWER");
    }

    public TestUser admin() {
        return create("ADMIN", "EDITOR", "REVIEWER");
    }
}
