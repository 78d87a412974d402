package org.quotecheck.web;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away" (503, try again) rather than a bug (500). Plain JUnit. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        assertThat(DatabaseOutage.isOutage(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))).isTrue();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isOutage(new jakarta.persistence.PersistenceException(
                new org.hibernate.exception.JDBCConnectionException("no connection", new SQLException("gone", "08006"))))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aCommitThatFailedBecauseTheServerDiedIsAnOutage() {
        // As seen when PostgreSQL was killed mid-commit: the rollback carries the reason only as a suppressed exception.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        rollback.addSuppressed(xa);
        assertThat(DatabaseOutage.isOutage(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
        Exception unrelated = new Exception("rolled back");
        unrelated.addSuppressed(new IllegalStateException("a bug"));
        assertThat(DatabaseOutage.isOutage(unrelated)).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(null)).isFalse();
    }
}
