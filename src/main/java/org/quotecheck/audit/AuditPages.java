package org.quotecheck.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.quotecheck.user.Role;

import java.util.List;

/** The administrators' view of the audit trail beyond claims: deleted articles, created accounts, changed roles. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    static final int SHOWN = 200;

    @Inject
    AuditLog audit;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance audit(List<AuditLog.Entry> entries, int shown);
    }

    @GET
    public TemplateInstance list() {
        return Templates.audit(audit.latest(SHOWN), SHOWN);
    }
}
