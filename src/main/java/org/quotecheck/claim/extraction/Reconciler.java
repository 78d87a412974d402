package org.quotecheck.claim.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-runs extraction after an edit without losing work: a claim whose text is still in the new body keeps its
 * identity and moves to the new offsets (the occurrence nearest where it was); a claim whose text is gone is
 * reported missing, never deleted; newly found claims that match no kept claim are added.
 */
public final class Reconciler {

    private static final int NEARBY = 20_000;

    private Reconciler() {
    }

    /** A stored claim as the reconciler needs it. */
    public record Kept(long id, ClaimType type, String text, int start, int end) {
    }

    /** Where a stored claim is now: {@code start} is -1 when its text is gone. */
    public record Moved(long id, int start, int end) {
        public boolean missing() {
            return start < 0;
        }
    }

    public record Result(List<Moved> moved, List<ExtractedClaim> added) {
    }

    public static Result reconcile(List<Kept> kept, int oldLength, String newBody, List<ExtractedClaim> extracted) {
        int shift = newBody.length() - oldLength;
        List<Moved> moved = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Kept claim : kept) {
            int at = locate(claim, shift, newBody, taken);
            if (at < 0) {
                moved.add(new Moved(claim.id(), -1, -1));
            } else {
                taken.add(key(claim.type(), at, at + claim.text().length()));
                // Stored before quotes ended at their words: "We will appeal," is the quote now found as
                // "We will appeal", not a new one.
                int words = claim.text().replaceFirst("[,，、\\s]+$", "").length();
                if (words < claim.text().length()) {
                    taken.add(key(claim.type(), at, at + words));
                }
                moved.add(new Moved(claim.id(), at, at + claim.text().length()));
            }
        }
        List<ExtractedClaim> added = extracted.stream()
                .filter(c -> !taken.contains(key(c.type(), c.start(), c.end()))).toList();
        return new Result(moved, added);
    }

    /** Same place, same place shifted by the length change, nearby, then anywhere: cheap checks first. */
    private static int locate(Kept claim, int shift, String body, Set<String> taken) {
        String text = claim.text();
        for (int guess : new int[] {claim.start(), claim.start() + shift}) {
            if (guess >= 0 && body.startsWith(text, guess) && !taken.contains(key(claim.type(), guess, guess + text.length()))) {
                return guess;
            }
        }
        int best = -1;
        int from = Math.max(0, Math.min(claim.start(), claim.start() + shift) - NEARBY);
        int to = Math.max(claim.start(), claim.start() + shift) + NEARBY;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            int i = body.indexOf(text, pass == 0 ? from : 0);
            while (i >= 0 && (pass == 1 || i <= to)) {
                if (!taken.contains(key(claim.type(), i, i + text.length()))
                        && (best < 0 || Math.abs(i - claim.start()) < Math.abs(best - claim.start()))) {
                    best = i;
                }
                i = body.indexOf(text, i + 1);
            }
        }
        return best;
    }

    private static String key(ClaimType type, int start, int end) {
        return type + ":" + start + ":" + end;
    }
}
