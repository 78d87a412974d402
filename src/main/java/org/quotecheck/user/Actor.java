package org.quotecheck.user;

import io.quarkus.security.identity.SecurityIdentity;
import org.quotecheck.review.workflow.ReviewWorkflow;

import java.util.EnumSet;
import java.util.Set;

/** The signed-in user as the review rules see them: their account id and roles. Call inside a transaction. */
public record Actor(long id, String username, Set<ReviewWorkflow.Role> roles) {

    public static Actor of(SecurityIdentity identity) {
        String username = identity.getPrincipal().getName();
        User user = User.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("signed-in user " + username + " has no account row"));
        return new Actor(user.id, user.username, workflowRoles(identity));
    }

    public static Set<ReviewWorkflow.Role> workflowRoles(SecurityIdentity identity) {
        Set<ReviewWorkflow.Role> roles = EnumSet.noneOf(ReviewWorkflow.Role.class);
        for (ReviewWorkflow.Role role : ReviewWorkflow.Role.values()) {
            if (identity.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return roles;
    }
}
