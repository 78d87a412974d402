package org.quotecheck.claim;

import java.util.List;

/** A claim's history (transitions and comments), provided by the review feature. */
public interface HistoryLookup {

    List<?> ofClaim(long claimId);
}
