package org.quotecheck.token;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quotecheck.audit.AuditLog;
import org.quotecheck.idempotency.KeptForReplay;
import org.quotecheck.user.Role;
import org.quotecheck.user.User;
import org.quotecheck.web.ConflictException;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: issued by administrators with a set of roles and an optional expiry, shown once, kept as a digest,
 * revocable at once. A token acts through an account of its own (kind TOKEN, no usable password), so the review
 * history and the audit trail name the token that acted; the token says which person created and revoked it.
 */
@ApplicationScoped
public class TokenService {

    /** Last use is written at most once a minute per token: a busy integration does not write on every call. */
    private static final long LAST_USED_RESOLUTION_SECONDS = 60;

    private final SecureRandom random = new SecureRandom();

    @Inject
    AuditLog audit;

    /** The body of {@code POST /api/tokens} and of the page's form. {@code expiresAt}: ISO-8601, or a date. */
    public record NewToken(String name, List<String> roles, String expiresAt) {
    }

    /** A token as lists show it: never its secret. {@code state}: ACTIVE, EXPIRED or REVOKED. */
    public record TokenView(long id, String name, String publicId, List<String> roles, String state,
                            OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                            String revokedBy, OffsetDateTime lastUsedAt, String account) {

        /** The last moment the token works: a date given as expiry is its whole day. */
        public OffsetDateTime worksUntil() {
            return expiresAt == null ? null : expiresAt.minusSeconds(1);
        }
    }

    /** The account a valid token acts as, with the token's roles. */
    public record Bearer(long accountId, String username, Set<String> roles, long sessionVersion) {
    }

    /** The answer to a creation: the only time {@code token} is shown. */
    public record CreatedToken(long id, String name, String token, String publicId, List<String> roles,
                               OffsetDateTime expiresAt, OffsetDateTime createdAt, String createdBy, String notice)
            implements KeptForReplay {

        /** The last moment the token works: a date given as expiry is its whole day. */
        public OffsetDateTime worksUntil() {
            return expiresAt == null ? null : expiresAt.minusSeconds(1);
        }

        @Override
        public Object forReplay() {
            return new CreatedToken(id, name, null, publicId, roles, expiresAt, createdAt, createdBy,
                    "This token was shown once, in the first answer to this request, and is not kept. If that answer"
                            + " was lost, revoke the token and create another.");
        }
    }

    @Transactional
    public CreatedToken create(NewToken input, String administrator) {
        List<FieldError> errors = new ArrayList<>();
        String name = input == null || input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "Name the token after what uses it, such as \"CMS production\"."));
        } else if (name.length() > 100 || !org.quotecheck.text.OneLine.is(name)) {
            errors.add(new FieldError("name", "Use at most 100 characters, on one line, without line separators or direction"
                    + " controls."));
        }
        Set<Role> roles = Role.parseAll(input == null ? null : input.roles(), errors);
        if (roles.contains(Role.ADMIN)) {
            // A token is for an integration's work; a leaked administrator token could make lasting accounts.
            errors.add(new FieldError("roles", "Tokens cannot administer: give EDITOR and/or REVIEWER. Administrators"
                    + " sign in as themselves."));
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime expiresAt = parseExpiry(input == null ? null : input.expiresAt(), now, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (ApiToken.count("name = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", name, now) > 0) {
            throw new InvalidInputException(List.of(new FieldError("name",
                    "An active token already has this name. Revoke it first, or choose another name.")));
        }
        User creator = User.findByUsername(administrator).orElseThrow();
        TokenSecrets.Issued issued = TokenSecrets.issue(random);
        if (ApiToken.findByPublicId(issued.publicId()).isPresent()) {
            throw new ConflictException("Two tokens drew the same public id; send the request again.");
        }

        User account = new User();
        account.username = "api-token-" + issued.publicId();
        account.password = BcryptUtil.bcryptHash(unusablePassword());
        account.displayName = "API token \u201C" + name + "\u201D";
        account.kind = User.TOKEN;
        account.assignRoles(roles);
        account.createdAt = now;
        account.persist();

        ApiToken token = new ApiToken();
        token.publicId = issued.publicId();
        token.name = name;
        token.accountId = account.id;
        token.secretDigest = issued.digest();
        token.roles = account.roles;
        token.createdBy = creator.id;
        token.createdAt = now;
        token.expiresAt = expiresAt;
        token.persist();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("token", name);
        details.put("publicId", issued.publicId());
        details.put("roles", roleNames(account.roles));
        details.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        audit.record(AuditLog.Kind.TOKEN_CREATED, creator.id, null, account.id, null, details);
        return new CreatedToken(token.id, name, issued.token(), issued.publicId(), roleNames(account.roles), expiresAt,
                now, creator.username, "Copy the token now: it is shown only once. Send it as \"Authorization: Bearer <token>\".");
    }

    /** Every token, newest first, with who created and revoked it. */
    @Transactional
    public List<TokenView> list() {
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, String> usernames = new HashMap<>();
        return ApiToken.<ApiToken>listAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending)).stream()
                .map(t -> view(t, now, usernames)).toList();
    }

    @Transactional
    public TokenView get(long id) {
        return view(find(id), OffsetDateTime.now(), new HashMap<>());
    }

    /** Revokes a token at once; revoking a revoked token changes nothing and says so in its view. */
    @Transactional
    public TokenView revoke(long id, String administrator) {
        ApiToken token = find(id);
        OffsetDateTime now = OffsetDateTime.now();
        if (token.revokedAt == null) {
            User admin = User.findByUsername(administrator).orElseThrow();
            ApiToken.getEntityManager().createNativeQuery("UPDATE api_token SET revoked_at = ?1, revoked_by = ?2"
                    + " WHERE id = ?3 AND revoked_at IS NULL").setParameter(1, now).setParameter(2, admin.id)
                    .setParameter(3, token.id).executeUpdate();
            ApiToken.getEntityManager().refresh(token);
            audit.record(AuditLog.Kind.TOKEN_REVOKED, admin.id, null, token.accountId, null,
                    Map.of("token", token.name, "publicId", token.publicId));
        }
        return view(token, now, new HashMap<>());
    }

    /**
     * The account a bearer token acts as, if the token is well formed, known, matches its digest, is not revoked and
     * has not expired. Empty otherwise, with no hint of which check failed.
     */
    @Transactional
    public Optional<Bearer> authenticate(String bearer) {
        Optional<String> publicId = TokenSecrets.publicIdOf(bearer);
        if (publicId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = ApiToken.findByPublicId(publicId.get());
        OffsetDateTime now = OffsetDateTime.now();
        if (found.isEmpty() || !TokenSecrets.matches(bearer, found.get().secretDigest)
                || !"ACTIVE".equals(found.get().state(now))) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minusSeconds(LAST_USED_RESOLUTION_SECONDS))) {
            // A targeted update: writing the whole row could undo a revocation committed meanwhile.
            ApiToken.getEntityManager().createNativeQuery("UPDATE api_token SET last_used_at = now() WHERE id = ?1")
                    .setParameter(1, token.id).executeUpdate();
        }
        User account = User.findById(token.accountId);
        return Optional.of(new Bearer(account.id, account.username, Set.copyOf(roleNames(token.roles)),
                account.sessionVersion));
    }

    private static ApiToken find(long id) {
        return ApiToken.<ApiToken>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("No API token with id " + id + "."));
    }

    private static TokenView view(ApiToken t, OffsetDateTime now, Map<Long, String> usernames) {
        return new TokenView(t.id, t.name, t.publicId, roleNames(t.roles), t.state(now), t.createdAt,
                username(t.createdBy, usernames), t.expiresAt, t.revokedAt,
                t.revokedBy == null ? null : username(t.revokedBy, usernames), t.lastUsedAt,
                username(t.accountId, usernames));
    }

    private static String username(long id, Map<Long, String> known) {
        return known.computeIfAbsent(id, key -> User.<User>findByIdOptional(key).map(u -> u.username).orElse(null));
    }

    private static List<String> roleNames(String roles) {
        return roles == null || roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList();
    }

    /** ISO-8601 with an offset, or a date (the token then works until the end of that day, UTC); must be ahead. */
    static OffsetDateTime parseExpiry(String text, OffsetDateTime now, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = text.strip().length() == 10 ? LocalDate.parse(text.strip()).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("expiresAt", "Give a date (2026-12-31) or a time with its offset (2026-12-31T18:00:00+01:00)."));
            return null;
        }
        if (!at.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "The expiry must be in the future."));
            return null;
        }
        return at;
    }

    /** A password nobody knows: token accounts can never sign in with a password. */
    private String unusablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
