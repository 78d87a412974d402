package org.quotecheck.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quotecheck.user.Role;

/** The signed-in user as templates see it ({@code inject:viewer}): the navigation shows only what they may do. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String getName() {
        return isSignedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean isEditor() {
        return has(Role.EDITOR) || has(Role.ADMIN);
    }

    public boolean isReviewer() {
        return has(Role.REVIEWER) || has(Role.ADMIN);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public String getRoleList() {
        return String.join(", ", identity.getRoles().stream().sorted().toList());
    }

    /** Claims waiting in the approval queue, for the navigation badge (reviewers only). */
    public Long getWaiting() {
        // Error pages can be rendered on the I/O thread, where no database call may block: no badge there.
        if (!isReviewer() || !io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return null;
        }
        try {
            return queue.get().waiting();
        } catch (RuntimeException e) {
            return null; // the database is away (an error page is being shown): no badge rather than no page
        }
    }

    /** Claims a reviewer returned to this editor, waiting for them: the "My work" badge. */
    public Long getReturned() {
        if (!isEditor() || !io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return null;
        }
        try {
            return queue.get().returnedTo(getName());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Inject
    jakarta.enterprise.inject.Instance<org.quotecheck.review.ReviewQueue> queue;

    private boolean has(Role role) {
        return isSignedIn() && identity.hasRole(role.name());
    }
}
