package org.quotecheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Quotecheck's own settings; each can also be given as an environment variable (QUOTECHECK_...). */
@ConfigMapping(prefix = "quotecheck")
public interface QuotecheckConfig {

    /** Where the embedded PostgreSQL keeps its data (QUOTECHECK_DATA_DIR). */
    @WithDefault("data")
    String dataDir();

    /** At start, if no administrator exists, create user {@code admin} with this password. */
    Optional<String> bootstrapAdminPassword();

    EmbeddedPostgres embeddedPostgres();

    Newsroom newsroom();

    SignIn signIn();

    Semantic semantic();

    Jobs jobs();

    /** Checks by meaning. */
    interface Semantic {
        /** Load the sentence-embedding model (QUOTECHECK_SEMANTIC_ENABLED); off, checks by meaning go by words only. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Durable background jobs. */
    interface Jobs {
        /** Run this instance's worker (QUOTECHECK_JOBS_ENABLED); jobs still queue up for other instances. */
        @WithDefault("true")
        boolean enabled();

        /** How long a worker holds a job without reporting progress before another may take it over. */
        @WithDefault("PT60S")
        java.time.Duration lease();

        /** Attempts before a failing job is given up (with exponential backoff in between). */
        @WithDefault("5")
        int maxAttempts();

        /** How often an idle worker looks for jobs other instances queued. */
        @WithDefault("PT2S")
        java.time.Duration idlePoll();

        /**
         * How long a job runs before it lets others waiting go first (it goes back to the queue with its progress
         * kept): one large source never holds up everyone's suggestions.
         */
        @WithDefault("PT2S")
        java.time.Duration slice();
    }

    Workers workers();

    /** This instance's background loops. */
    interface Workers {
        /** How often a loop whose thread died is looked for and started again. */
        @WithDefault("PT5S")
        java.time.Duration superviseEvery();
    }

    Webhooks webhooks();

    /** Signed webhooks to integrations. */
    interface Webhooks {
        /** Run this instance's delivery worker (QUOTECHECK_WEBHOOKS_ENABLED); deliveries still queue for others. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Let webhooks reach loopback, private, link-local and metadata addresses and this server itself
         * (QUOTECHECK_WEBHOOKS_ALLOW_PRIVATE): tests and an on-premises CMS. Off, such URLs are refused.
         */
        @WithDefault("false")
        boolean allowPrivate();

        /** The wait after the first failed attempt; it doubles after each further failure, up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        java.time.Duration retryBase();

        @WithDefault("PT2H")
        java.time.Duration maxBackoff();

        /** How long a failing delivery is retried before it is given up (at least 24 hours by default). */
        @WithDefault("PT25H")
        java.time.Duration retryFor();

        /** The deadline for a receiver's whole answer, from the request to the last byte of the response. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        /** The deadline for connecting to a receiver (never longer than {@link #timeout()}). */
        @WithDefault("PT3S")
        java.time.Duration connectTimeout();

        /** Deliveries sent at once by this instance, each to a different endpoint (one in flight per endpoint). */
        @WithDefault("4")
        int senders();

        /** Failed attempts in a row after which an endpoint is paused until an administrator resumes it. */
        @WithDefault("10")
        int pauseAfter();

        /** How often an idle worker looks for deliveries queued by other instances or due for a retry. */
        @WithDefault("PT2S")
        java.time.Duration idlePoll();
    }

    Counts counts();

    /** Counts shown on every page, cached per instance. */
    interface Counts {
        /** How long a count may be served before it is computed again (QUOTECHECK_COUNTS_TTL). */
        @WithDefault("PT5S")
        java.time.Duration ttl();
    }

    Session session();

    /** Backoff after failed sign-ins, per account and per client address. */
    interface SignIn {
        /** Failures in a row (within {@link #window()}) before an account is locked for a while. */
        @WithDefault("5")
        int accountFailures();

        /** Failures from one address (within {@link #window()}) before the address is locked for a while. */
        @WithDefault("20")
        int addressFailures();

        /** Failures older than this are forgotten. */
        @WithDefault("PT15M")
        java.time.Duration window();

        /** The longest lock: 1 s after the threshold, doubling with every further failure, up to this. */
        @WithDefault("PT15M")
        java.time.Duration maxLock();
    }

    /** Browser sessions (signed cookies). */
    interface Session {
        /** A session ends after this long without a request. */
        @WithDefault("PT8H")
        java.time.Duration idleTimeout();

        /** And after this long in any case. */
        @WithDefault("PT24H")
        java.time.Duration maxAge();

        /** Send the cookies with the Secure flag also when the request reached the app over plain HTTP (behind TLS). */
        @WithDefault("false")
        boolean secureCookies();
    }

    /** Who publishes the verified-claims reports (schema.org ClaimReview author). */
    interface Newsroom {
        @WithDefault("Quotecheck newsroom")
        String name();

        /** The newsroom's web address. */
        @WithDefault("https://example.org")
        String url();

        /** Where this Quotecheck is reachable, for links to claims in exports. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /**
         * Where readers find a published fact-check, with {@code {claimId}} and {@code {articleId}} filled in (e.g.
         * {@code https://news.example/fact-checks/{claimId}}): the {@code url} of a ClaimReview. Without it, the
         * article's own address (with {@code #claim-N}); a claim of an article without an address is then left out of
         * ClaimReview, which needs a public page.
         */
        java.util.Optional<String> factCheckUrl();
    }

    interface EmbeddedPostgres {
        /** Start an embedded PostgreSQL when no QUARKUS_DATASOURCE_JDBC_URL is configured. */
        @WithDefault("true")
        boolean enabled();
    }
}
