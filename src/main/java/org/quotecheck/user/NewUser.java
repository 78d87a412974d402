package org.quotecheck.user;

import java.util.List;

/** The fields of a new account, as entered on the admin page or sent to {@code POST /api/users}. */
public record NewUser(String username, String password, String displayName, List<String> roles) {
}
