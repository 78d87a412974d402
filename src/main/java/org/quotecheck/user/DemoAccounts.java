package org.quotecheck.user;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/** Dev mode only: accounts a newcomer can sign in with at once. Their password is shown on the login page. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoAccounts {

    static final String PASSWORD = "quotecheck";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    @Inject
    UserService users;

    @Transactional
    void create(@Observes @jakarta.annotation.Priority(10) StartupEvent start) {
        add("editor", "Erin Editor", List.of("EDITOR"));
        add("editor2", "Eddie Second-Editor", List.of("EDITOR"));
        add("reviewer", "Rita Reviewer", List.of("REVIEWER"));
        add("admin", "Ada Admin", List.of("ADMIN", "EDITOR", "REVIEWER"));
    }

    private void add(String username, String displayName, List<String> roles) {
        if (User.findByUsername(username).isEmpty()) {
            users.create(new NewUser(username, PASSWORD, displayName, roles), null);
            LOG.infof("Demo account %s created (dev mode only)", username);
        }
    }
}
