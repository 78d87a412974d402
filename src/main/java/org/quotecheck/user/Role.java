package org.quotecheck.user;

import org.quotecheck.web.FieldError;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a user may do. Administrators are usually given all three. */
public enum Role {
    /** Pastes articles, checks claims against sources, proposes ratings. */
    EDITOR,
    /** Approves or returns the ratings editors propose. */
    REVIEWER,
    /** Manages accounts and may do everything. */
    ADMIN;

    public static final String EDITOR_NAME = "EDITOR";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String ADMIN_NAME = "ADMIN";

    /**
     * Role names as a form or JSON body gives them ("editor", "REVIEWER"); each problem is added to {@code errors}
     * under the field "roles".
     */
    public static Set<Role> parseAll(List<String> names, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("roles", "Choose at least one role."));
            return roles;
        }
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("roles", "Unknown role '" + name + "': use EDITOR, REVIEWER or ADMIN."));
            }
        }
        return roles;
    }
}
