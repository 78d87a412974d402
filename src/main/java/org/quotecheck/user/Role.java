package org.quotecheck.user;

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
}
