package org.quotecheck.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.quotecheck.config.QuotecheckConfig;

import java.util.List;
import java.util.Optional;

/**
 * Production start-up: with QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD set and no administrator in the database, creates
 * user {@code admin}. There is no default password: without the variable, nobody is created.
 */
@ApplicationScoped
public class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class);

    @Inject
    QuotecheckConfig config;

    @Inject
    UserService users;

    @Inject
    EntityManager entityManager;

    @Transactional
    void create(@Observes @Priority(1) StartupEvent start) {
        config.bootstrapAdminPassword().filter(p -> !p.isBlank()).ifPresent(password -> {
            // Instances that start together (two replicas, a rolling deploy) would each find no administrator and
            // each insert one; all but the first would then die on the unique username. One at a time, until this
            // transaction ends, the next one finds the administrator the first created.
            entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('quotecheck.bootstrap-admin'))")
                    .getSingleResult();
            if (User.countAdministrators() > 0) {
                return;
            }
            Optional<String> refused = PasswordRules.problem(password, "admin");
            if (refused.isPresent()) {
                // One clear line, then a clean stop: a stack trace hides the reason, and running on without the
                // administrator the operator asked for would leave nobody able to sign in.
                LOG.errorf("QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD cannot be used: %s No account was created; set another"
                        + " password and start again.", refused.get());
                Quarkus.asyncExit(78); // EX_CONFIG
                return;
            }
            if (User.findByUsername("admin").isPresent()) {
                LOG.warn("QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD is set but user 'admin' exists without the ADMIN role;"
                        + " nothing was changed.");
                return;
            }
            users.create(new NewUser("admin", password, "Administrator", List.of("ADMIN", "EDITOR", "REVIEWER")), null);
            LOG.info("Created administrator 'admin' from QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD.");
        });
        if (User.count() == 0) {
            LOG.warn("No accounts exist. Set QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD to create the first administrator.");
        }
    }
}
