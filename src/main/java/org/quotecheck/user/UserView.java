package org.quotecheck.user;

import java.time.OffsetDateTime;
import java.util.List;

/** An account as the API and the admin page show it: never the password hash. */
public record UserView(Long id, String username, String displayName, List<String> roles, OffsetDateTime createdAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.username, user.displayName,
                user.roleSet().stream().map(Enum::name).toList(), user.createdAt);
    }
}
