package org.quotecheck.claim;

import java.util.List;

/** The evidence saved for a claim, provided by the source feature (which depends on claims, not the reverse). */
public interface EvidenceLookup {

    List<?> ofClaim(long claimId);
}
