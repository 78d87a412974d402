package org.quotecheck.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.quotecheck.config.QuotecheckConfig;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Exponential backoff after failed sign-ins, per account and per client address, kept in PostgreSQL so that every
 * instance sees the same counts. After the threshold, the key is locked for 1 s, then 2, 4, 8… up to the maximum;
 * failures older than the window are forgotten, and a successful sign-in clears the account's count.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    EntityManager entityManager;

    @Inject
    QuotecheckConfig config;

    static String accountKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Seconds until this account or address may try again; 0 when it may now. */
    @Transactional
    public long retryAfter(String username, String address) {
        List<?> until = entityManager.createNativeQuery("SELECT ceil(extract(epoch FROM max(locked_until) - now()))"
                        + " FROM sign_in_failure WHERE key IN (?1, ?2) AND locked_until > now()")
                .setParameter(1, accountKey(username)).setParameter(2, addressKey(address)).getResultList();
        Object seconds = until.isEmpty() ? null : until.get(0);
        return seconds == null ? 0 : Math.max(1, ((Number) seconds).longValue());
    }

    /** Counts a failure against the account and the address; committed even though the sign-in fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        count(accountKey(username), config.signIn().accountFailures());
        count(addressKey(address), config.signIn().addressFailures());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String username) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, accountKey(username))
                .executeUpdate();
    }

    /** Forgets an address's failures (an operator's action, and tests'). */
    @Transactional
    public void forgetAddress(String address) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, addressKey(address))
                .executeUpdate();
    }

    private void count(String key, int threshold) {
        Number failures = (Number) entityManager.createNativeQuery("""
                        INSERT INTO sign_in_failure AS f (key, failures, last_failure_at) VALUES (?1, 1, now())
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN f.last_failure_at < now() - make_interval(secs => ?2) THEN 1
                                            ELSE f.failures + 1 END,
                            last_failure_at = now()
                        RETURNING failures""")
                .setParameter(1, key).setParameter(2, (double) config.signIn().window().toSeconds()).getSingleResult();
        if (failures.intValue() >= threshold) {
            Duration lock = lockFor(failures.intValue() - threshold, config.signIn().maxLock());
            entityManager.createNativeQuery("UPDATE sign_in_failure SET locked_until = ?2 WHERE key = ?1")
                    .setParameter(1, key).setParameter(2, OffsetDateTime.now().plus(lock)).executeUpdate();
        }
    }

    /** 1 s for the first failure at the threshold, doubling with each further one, capped. */
    static Duration lockFor(int beyondThreshold, Duration max) {
        long seconds = beyondThreshold >= 30 ? Long.MAX_VALUE : 1L << beyondThreshold;
        return seconds >= max.toSeconds() ? max : Duration.ofSeconds(seconds);
    }
}
