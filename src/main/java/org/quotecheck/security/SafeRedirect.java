package org.quotecheck.security;

/** Where the app may send a browser after signing in: only to its own pages, never elsewhere. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** A path on this site: starts with one slash, no scheme or host, no backslash, no control characters. */
    public static boolean isLocal(String target) {
        if (target == null || target.isEmpty() || target.length() > 2000 || target.charAt(0) != '/') {
            return false;
        }
        if (target.startsWith("//") || target.startsWith("/\\") || target.indexOf('\\') >= 0) {
            return false;
        }
        return target.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == ' ');
    }

    public static String orHome(String target) {
        return isLocal(target) && !target.startsWith("/login") && !target.startsWith("/logout") ? target : "/";
    }
}
