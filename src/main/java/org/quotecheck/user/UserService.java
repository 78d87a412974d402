package org.quotecheck.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.quotecheck.audit.AuditLog;
import org.quotecheck.web.ConflictException;
import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.NotFoundProblem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates accounts and changes their roles. */
@ApplicationScoped
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");

    @Inject
    AuditLog audit;

    /** Creates an account; {@code actor} is the administrator who did, or null when it creates itself (at start-up). */
    @Transactional
    public UserView create(NewUser input, String actor) {
        String username = input.username() == null ? "" : input.username().trim().toLowerCase();
        List<FieldError> errors = new ArrayList<>();
        if (username.startsWith("api-token-")) {
            errors.add(new FieldError("username", "Names starting with api-token- are kept for API tokens."));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username",
                    "Use 3 to 64 lower-case letters, digits, dots, dashes or underscores."));
        } else if (User.findByUsername(username).isPresent()) {
            errors.add(new FieldError("username", "This username is taken."));
        }
        String password = input.password() == null ? "" : input.password();
        PasswordRules.problem(password, username).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        String displayName = input.displayName() == null || input.displayName().isBlank() ? username : input.displayName().trim();
        if (displayName.length() > 200 || !org.quotecheck.text.OneLine.is(displayName)) {
            errors.add(new FieldError("displayName", "Use at most 200 characters, on one line, without line separators"
                    + " or direction controls."));
        }
        Set<Role> roles = Role.parseAll(input.roles(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = new User();
        user.username = username;
        user.password = BcryptUtil.bcryptHash(password);
        user.displayName = displayName;
        user.assignRoles(roles);
        user.createdAt = OffsetDateTime.now();
        user.persist();
        long actorId = actor == null ? user.id : User.findByUsername(actor).orElseThrow().id;
        audit.record(AuditLog.Kind.USER_CREATED, actorId, null, user.id, actor == null ? "Created at start-up" : null,
                Map.of("username", user.username, "roles", roles.stream().map(Enum::name).sorted().toList()));
        return UserView.of(user);
    }

    @Transactional
    public UserView changeRoles(long userId, List<String> roleNames, String actor) {
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> new NotFoundProblem("No user with id " + userId + "."));
        if (User.TOKEN.equals(user.kind)) {
            throw new ConflictException("This account belongs to an API token, whose roles are fixed: revoke the token"
                    + " and create another with the roles it needs.");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = Role.parseAll(roleNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (user.roleSet().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && User.countAdministrators() <= 1) {
            throw new ConflictException("At least one administrator must remain.");
        }
        Set<Role> before = user.roleSet();
        user.assignRoles(roles);
        if (!before.equals(roles)) {
            audit.record(AuditLog.Kind.ROLES_CHANGED, User.findByUsername(actor).orElseThrow().id, null, user.id, null,
                    Map.of("username", user.username, "from", before.stream().map(Enum::name).sorted().toList(),
                            "to", roles.stream().map(Enum::name).sorted().toList()));
        }
        return UserView.of(user);
    }

    public List<UserView> list() {
        // People only: the accounts through which API tokens act are listed with the tokens.
        return User.<User>list("kind", io.quarkus.panache.common.Sort.by("username"), User.PERSON).stream()
                .map(UserView::of).toList();
    }
}
