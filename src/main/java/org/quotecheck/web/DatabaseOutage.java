package org.quotecheck.web;

import java.sql.SQLException;

/**
 * Whether a failure means the database cannot be reached right now (stopped, restarting, network gone, no connection
 * to be had from the pool), as opposed to a bug: such requests get 503 with {@code Retry-After}, not 500. Pure Java.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String TITLE = "Service briefly unavailable";
    public static final String DETAIL = "The database cannot be reached at the moment. Nothing was saved by this request;"
            + " please try again in a few seconds.";

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Looks through causes and suppressed exceptions: a commit that fails because the server died is reported as a
     * rollback whose reason is only attached as suppressed (the transaction manager's XAException, caused by the
     * driver's "terminating connection").
     */
    private static boolean isOutage(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t) || seen.size() > 50) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or not yet accepting.
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"))) {
                return true;
            }
            if (sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true; // Agroal ("Sorry, acquisition timeout!"): no connection could be had from the pool in time
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isOutage(suppressed, seen)) {
                return true;
            }
        }
        return isOutage(t.getCause(), seen);
    }
}
