package org.quotecheck.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.quotecheck.user.User;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password for the sign-in form and for HTTP Basic alike: refuses at once while the account or
 * the address is locked after failures, compares the bcrypt hash (also for unknown usernames, so that the answer
 * takes as long and says as little), logs every failure, and counts it.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger("org.quotecheck.security.sign-in");
    /** A hash of nothing anyone can type: compared against when the username is unknown. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(SecretKeys.random());

    @Inject
    SignInThrottle throttle;

    private final VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5));

    /** Who signed in, with what the session and the rules need. */
    public record Account(long id, String username, Set<String> roles, long sessionVersion) {
    }

    public sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    public record SignedIn(Account account) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Throttled(long retryAfterSeconds) implements Outcome {
    }

    public Outcome attempt(String username, String password, String address, String channel) {
        String name = username == null ? "" : username.strip();
        Optional<Account> known = password == null ? Optional.empty() : recentlyVerified(name, password);
        if (known.isPresent()) {
            return new SignedIn(known.get());
        }
        long wait = throttle.reserve(name, address);
        if (wait > 0) {
            LOG.warnf("Sign-in refused for '%s' from %s (%s): locked for %d s after repeated failures", printable(name), address, channel, wait);
            return new Throttled(wait);
        }
        Optional<Account> account;
        try {
            account = password == null || password.getBytes(StandardCharsets.UTF_8).length > 72
                    ? Optional.empty() : check(name, password);
        } catch (RuntimeException | Error e) {
            throttle.failed(name, address); // the check is over either way: never leave it counted as in flight
            throw e;
        }
        if (account.isPresent()) {
            throttle.succeeded(name, address);
            return new SignedIn(account.get());
        }
        throttle.failed(name, address);
        LOG.warnf("Failed sign-in for '%s' from %s (%s)", printable(name), address, channel);
        return new Refused();
    }

    @Transactional
    Optional<Account> check(String username, String password) {
        Optional<User> user = User.findByUsername(username);
        String hash = user.map(u -> u.password).orElse(DUMMY_HASH);
        boolean matches = BcryptUtil.matches(password, hash);
        if (matches && user.isPresent()) {
            verified.remember(username, password, hash);
        }
        return user.filter(u -> matches).map(SignInService::account);
    }

    /** The account, if this password was verified for it within the last minutes and its hash has not changed since. */
    @Transactional
    Optional<Account> recentlyVerified(String username, String password) {
        if (!verified.mayKnow(username)) {
            return Optional.empty();
        }
        return User.findByUsername(username).filter(u -> verified.verified(username, password, u.password))
                .map(SignInService::account);
    }

    /** The account as it is now, for a session of {@code sessionVersion}; empty if gone or signed out since. */
    @Transactional
    public Optional<Account> current(String username, long sessionVersion) {
        return User.findByUsername(username).filter(u -> u.sessionVersion == sessionVersion).map(SignInService::account);
    }

    /** Ends every session of the account: cookies issued before carry an older version. */
    @Transactional
    public void endSessions(String username) {
        User.findByUsername(username).ifPresent(u -> u.sessionVersion++);
    }

    static Account account(User user) {
        return new Account(user.id, user.username, user.roleSet().stream().map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()), user.sessionVersion);
    }

    /** Usernames come from strangers: keep log lines on one line and short. */
    static String printable(String name) {
        String flat = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
        return flat.length() > 64 ? flat.substring(0, 64) + "…" : flat;
    }
}
