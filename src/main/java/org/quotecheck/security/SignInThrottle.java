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
import java.util.TreeSet;

/**
 * Exponential backoff after failed sign-ins, per account and per client address, kept in PostgreSQL so that every
 * instance sees the same counts. Every attempt is counted as a failure before its password is checked, under a row
 * lock, so that parallel guesses cannot slip past the limit: at most the threshold's worth of passwords are ever
 * checked before the lock. Once the threshold is reached, the key is locked for 1 s, then 2, 4, 8… up to the
 * maximum; failures older than the window are forgotten, and a successful sign-in takes its attempt back and clears
 * the account's count.
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

    /**
     * Counts an attempt against the account and the address, unless either is locked. Returns 0 when the password
     * may now be checked, otherwise the seconds until this account and address may try again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long reserve(String username, String address) {
        String account = accountKey(username);
        String from = addressKey(address);
        // Rows are locked in key order, so two attempts never wait for each other in a circle.
        for (String key : new TreeSet<>(List.of(account, from))) {
            entityManager.createNativeQuery("INSERT INTO sign_in_failure (key, failures, last_failure_at) VALUES (?1, 0, now())"
                    + " ON CONFLICT (key) DO NOTHING").setParameter(1, key).executeUpdate();
            entityManager.createNativeQuery("SELECT key FROM sign_in_failure WHERE key = ?1 FOR UPDATE")
                    .setParameter(1, key).getResultList();
        }
        Number wait = (Number) entityManager.createNativeQuery("SELECT coalesce(ceil(extract(epoch FROM max(locked_until) - now())), 0)"
                        + " FROM sign_in_failure WHERE key IN (?1, ?2) AND locked_until > now()")
                .setParameter(1, account).setParameter(2, from).getSingleResult();
        if (wait.longValue() > 0) {
            return Math.max(1, wait.longValue());
        }
        count(account, config.signIn().accountFailures());
        count(from, config.signIn().addressFailures());
        return 0;
    }

    /** The password was right: the attempt was no failure after all. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, accountKey(username))
                .executeUpdate();
        entityManager.createNativeQuery("UPDATE sign_in_failure SET failures = greatest(failures - 1, 0),"
                        + " locked_until = CASE WHEN failures - 1 < ?2 THEN NULL ELSE locked_until END WHERE key = ?1")
                .setParameter(1, addressKey(address)).setParameter(2, config.signIn().addressFailures()).executeUpdate();
    }

    /** Forgets an address's failures (an operator's action, and tests'). */
    @Transactional
    public void forgetAddress(String address) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, addressKey(address))
                .executeUpdate();
    }

    private void count(String key, int threshold) {
        Number failures = (Number) entityManager.createNativeQuery("""
                        UPDATE sign_in_failure SET
                            failures = CASE WHEN last_failure_at < now() - make_interval(secs => ?2) THEN 1
                                            ELSE failures + 1 END,
                            last_failure_at = now()
                        WHERE key = ?1
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
