package org.quotecheck.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while any background loop of this instance has stopped (until the supervisor has started it
 * again), with each loop's restarts and latest failure, so that an instance that silently stopped sending webhooks
 * or running jobs is seen by its operators and its load balancer.
 */
@Readiness
@ApplicationScoped
public class WorkersHealth implements HealthCheck {

    @Inject
    Workers workers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("Background workers");
        boolean up = true;
        for (Worker worker : workers.all()) {
            boolean alive = worker.alive();
            up &= alive;
            answer.withData(worker.name(), (alive ? "running" : "STOPPED") + ", " + worker.restarts() + " restarts, "
                    + worker.failures() + " failed steps" + (worker.lastFailure() == null ? "" : "; last: " + shorten(worker.lastFailure())));
        }
        return answer.status(up).build();
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
