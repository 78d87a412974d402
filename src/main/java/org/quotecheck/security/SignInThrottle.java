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
 * instance sees the same counts. Every attempt is counted as a failure, and as a check in flight, before its
 * password is checked, under a row lock per key; once a key's count has reached its threshold, further attempts are
 * refused while any counted check is still in flight, and the lock starts only when such a check has failed. So
 * however many guesses arrive at once, and however long their checks take, no more than the threshold's worth of
 * passwords is ever checked before a lock. The lock lasts 1 s, then 2, 4, 8… up to the maximum; failures older than
 * the window are forgotten, and a successful sign-in takes its attempt back and clears the account's count. A check
 * whose process died is no longer counted as in flight after {@link #CHECK_GRACE}. Times are the database's clock
 * at each statement.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Longer than any password check takes. */
    static final Duration CHECK_GRACE = Duration.ofSeconds(30);

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
     * Counts an attempt against the account and the address, unless either is locked or at its threshold with a
     * check in flight. Returns 0 when the password may now be checked (then {@link #failed} or {@link #succeeded}
     * must follow), otherwise the seconds until this account and address may try again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long reserve(String username, String address) {
        String account = accountKey(username);
        String from = addressKey(address);
        // Rows are locked in key order, so two attempts never wait for each other in a circle.
        for (String key : new TreeSet<>(List.of(account, from))) {
            entityManager.createNativeQuery("INSERT INTO sign_in_failure (key, failures, last_failure_at) VALUES (?1, 0, clock_timestamp())"
                    + " ON CONFLICT (key) DO NOTHING").setParameter(1, key).executeUpdate();
            entityManager.createNativeQuery("SELECT key FROM sign_in_failure WHERE key = ?1 FOR UPDATE")
                    .setParameter(1, key).getResultList();
        }
        Number wait = (Number) entityManager.createNativeQuery("""
                        SELECT coalesce(max(CASE
                            WHEN locked_until > clock_timestamp() THEN greatest(1, ceil(extract(epoch FROM locked_until - clock_timestamp())))
                            WHEN failures >= (CASE WHEN key = ?1 THEN ?3 ELSE ?4 END) AND checking > 0
                                 AND checking_until > clock_timestamp() THEN 1
                            ELSE 0 END), 0)
                        FROM sign_in_failure WHERE key IN (?1, ?2)""")
                .setParameter(1, account).setParameter(2, from).setParameter(3, config.signIn().accountFailures())
                .setParameter(4, config.signIn().addressFailures()).getSingleResult();
        if (wait.longValue() > 0) {
            return wait.longValue();
        }
        count(account);
        count(from);
        return 0;
    }

    /** The password was wrong: the check is over, and a key at its threshold is locked from now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String username, String address) {
        String account = accountKey(username);
        String from = addressKey(address);
        for (String key : new TreeSet<>(List.of(account, from))) {
            int threshold = key.equals(account) ? config.signIn().accountFailures() : config.signIn().addressFailures();
            @SuppressWarnings("unchecked")
            List<Number> failures = entityManager.createNativeQuery("UPDATE sign_in_failure SET checking = greatest(checking - 1, 0)"
                    + " WHERE key = ?1 RETURNING failures").setParameter(1, key).getResultList();
            if (!failures.isEmpty() && failures.get(0).intValue() >= threshold) {
                Duration lock = lockFor(failures.get(0).intValue() - threshold, config.signIn().maxLock());
                entityManager.createNativeQuery("UPDATE sign_in_failure SET locked_until = greatest(coalesce(locked_until,"
                                + " clock_timestamp()), clock_timestamp() + make_interval(secs => ?2)) WHERE key = ?1")
                        .setParameter(1, key).setParameter(2, (double) lock.toMillis() / 1000).executeUpdate();
            }
        }
    }

    /** The password was right: the attempt was no failure after all. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, accountKey(username))
                .executeUpdate();
        entityManager.createNativeQuery("UPDATE sign_in_failure SET failures = greatest(failures - 1, 0),"
                        + " checking = greatest(checking - 1, 0),"
                        + " locked_until = CASE WHEN failures - 1 < ?2 THEN NULL ELSE locked_until END WHERE key = ?1")
                .setParameter(1, addressKey(address)).setParameter(2, config.signIn().addressFailures()).executeUpdate();
    }

    /** Forgets an address's failures (an operator's action, and tests'). */
    @Transactional
    public void forgetAddress(String address) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, addressKey(address))
                .executeUpdate();
    }

    /** Forgets an account's failures (tests). */
    @Transactional
    public void forgetAccount(String username) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE key = ?1").setParameter(1, accountKey(username))
                .executeUpdate();
    }

    private void count(String key) {
        entityManager.createNativeQuery("""
                        UPDATE sign_in_failure SET
                            failures = CASE WHEN last_failure_at < clock_timestamp() - make_interval(secs => ?2) THEN 1
                                            ELSE failures + 1 END,
                            last_failure_at = clock_timestamp(),
                            checking = CASE WHEN checking_until > clock_timestamp() THEN checking + 1 ELSE 1 END,
                            checking_until = clock_timestamp() + make_interval(secs => ?3)
                        WHERE key = ?1""")
                .setParameter(1, key).setParameter(2, (double) config.signIn().window().toSeconds())
                .setParameter(3, (double) CHECK_GRACE.toSeconds()).executeUpdate();
    }

    /** 1 s for the first failure at the threshold, doubling with each further one, capped. */
    static Duration lockFor(int beyondThreshold, Duration max) {
        long seconds = beyondThreshold >= 30 ? Long.MAX_VALUE : 1L << beyondThreshold;
        return seconds >= max.toSeconds() ? max : Duration.ofSeconds(seconds);
    }
}
