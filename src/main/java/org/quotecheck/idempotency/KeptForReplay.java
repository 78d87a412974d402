package org.quotecheck.idempotency;

/**
 * An answer that must not be kept as it is for a retry: a secret shown once (an API token) is left out of the kept
 * copy, and a retried request gets {@link #forReplay()} instead.
 */
public interface KeptForReplay {

    Object forReplay();
}
