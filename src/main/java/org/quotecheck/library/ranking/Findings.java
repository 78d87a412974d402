package org.quotecheck.library.ranking;

import org.quotecheck.verification.CheckResult;
import org.quotecheck.verification.CheckResult.Classification;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Verified library results in the order an editor reads them, and in one line each: sources that support the claim
 * first (verbatim, then with minor differences, then in other words), then those that contradict it, each group best
 * score first; sources that do not speak of the claim are left out.
 */
public final class Findings {

    private Findings() {
    }

    /**
     * A match by meaning weaker than this is not shown as a library answer: among thousands of passages, a passage
     * that shares a country and a topic with the claim is no evidence for or against it.
     */
    public static final double MEANING_FLOOR = 0.55;

    /** The same for a quote found word by word: below this, the aligned passage is another sentence altogether. */
    public static final double LEXICAL_FLOOR = 0.6;

    public static boolean supports(Classification c) {
        return c == Classification.VERBATIM || c == Classification.MINOR_DIFFERENCES || c == Classification.PARAPHRASE;
    }

    /** For a quote, only its words support it: a source that says it in other words shows it was not said so. */
    public static boolean supports(Classification c, boolean quote) {
        return quote ? c == Classification.VERBATIM || c == Classification.MINOR_DIFFERENCES : supports(c);
    }

    private static int order(Classification c, boolean quote) {
        return switch (c) {
            case VERBATIM -> 0;
            case MINOR_DIFFERENCES -> 1;
            case PARAPHRASE -> quote ? 4 : 2;
            case ALTERED -> 3;
            case NOT_FOUND -> 5;
        };
    }

    /**
     * The items whose result found the claim, best first, at most {@code limit}. Among contradictions, a passage that
     * names the same people and places as the claim comes before one that names others (the same sentence about
     * another bridge is less likely the claim's source than the same bridge with another number), then the one
     * with fewer differing facts.
     */
    public static <T> List<T> best(List<T> items, Function<T, CheckResult> result, int limit) {
        return best(items, result, limit, false);
    }

    /**
     * The same for a quote ({@code quote}): a source with the quote only in other words comes after the
     * contradictions. Matches below {@link #MEANING_FLOOR} (by meaning) or {@link #LEXICAL_FLOOR} (word by word), and
     * contradictions without a differing fact to show, are left out.
     */
    public static <T> List<T> best(List<T> items, Function<T, CheckResult> result, int limit, boolean quote) {
        return items.stream().filter(i -> result.apply(i).classification() != Classification.NOT_FOUND)
                .filter(i -> result.apply(i).score() >= (result.apply(i).method() == CheckResult.Method.MEANING
                        ? MEANING_FLOOR : LEXICAL_FLOOR))
                // A contradiction with no fact to show is not one an editor can act on.
                .filter(i -> result.apply(i).classification() != Classification.ALTERED || detail(result.apply(i)).isPresent())
                .sorted(Comparator.comparingInt((T i) -> order(result.apply(i).classification(), quote))
                        .thenComparingInt(i -> otherNames(result.apply(i)))
                        .thenComparing(Comparator.comparingDouble((T i) -> result.apply(i).score()).reversed())
                        .thenComparingInt(i -> differing(result.apply(i))))
                .limit(limit).toList();
    }

    /** How many of the claim's names the passage does not have (a name replaced by another, or missing). */
    static int otherNames(CheckResult result) {
        int facts = (int) result.facts().stream().filter(f -> !f.agree() && f.kind().equals("NAME")).count();
        int words = (int) result.differences().stream().filter(d -> d.critical() && "name changed".equals(d.reason())).count();
        return facts + words;
    }

    /** How many facts or critical words differ. */
    static int differing(CheckResult result) {
        return result.method() == CheckResult.Method.MEANING
                ? (int) result.facts().stream().filter(f -> !f.agree()).count()
                : (int) result.differences().stream().filter(CheckResult.Difference::critical).count();
    }

    /** "verbatim in: Takaichi doorstep remarks", "contradicted by: MOFA summary, 30 vs 20 minutes". */
    public static String summary(CheckResult result, String sourceTitle) {
        return summary(result, sourceTitle, false);
    }

    /** The same; for a quote, a source that says it in other words is named as such (not word for word). */
    public static String summary(CheckResult result, String sourceTitle, boolean quote) {
        return switch (result.classification()) {
            case VERBATIM -> "verbatim in: " + sourceTitle;
            case MINOR_DIFFERENCES -> "with minor differences in: " + sourceTitle;
            case PARAPHRASE -> (quote ? "not word for word, only in other words in: " : "in other words in: ") + sourceTitle;
            case ALTERED -> "contradicted by: " + sourceTitle + detail(result).map(d -> ", " + d).orElse("");
            case NOT_FOUND -> "nothing found";
        };
    }

    /** The first fact that differs, as "claim vs source": "30 vs 20 minutes", or why it differs. */
    public static java.util.Optional<String> detail(CheckResult result) {
        for (CheckResult.NumberCheck n : result.numbers()) {
            if (!n.match() && n.quoteText() != null && n.sourceText() != null) {
                return java.util.Optional.of(versus(n.quoteText(), n.sourceText()));
            }
        }
        for (CheckResult.FactCheck f : result.facts()) {
            if (!f.agree()) {
                return describe(f.claimText(), f.sourceText(), f.reason());
            }
        }
        for (CheckResult.Difference d : result.differences()) {
            if (d.critical()) {
                return describe(d.quoteText(), d.sourceText(), d.reason());
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> describe(String claim, String source, String reason) {
        if (claim != null && source != null && !claim.isBlank() && !source.isBlank()
                && claim.length() <= 60 && source.length() <= 60) {
            return java.util.Optional.of(versus(claim, source));
        }
        return java.util.Optional.ofNullable(reason);
    }

    /** "30 minutes" and "20 minutes" as "30 vs 20 minutes"; otherwise "a vs b". */
    static String versus(String claim, String source) {
        String[] a = claim.strip().split("\\s+");
        String[] b = source.strip().split("\\s+");
        int shared = 0;
        while (shared < a.length - 1 && shared < b.length - 1
                && a[a.length - 1 - shared].equalsIgnoreCase(b[b.length - 1 - shared])) {
            shared++;
        }
        if (shared == 0) {
            return claim.strip() + " vs " + source.strip();
        }
        String tail = String.join(" ", List.of(b).subList(b.length - shared, b.length));
        return String.join(" ", List.of(a).subList(0, a.length - shared)) + " vs "
                + String.join(" ", List.of(b).subList(0, b.length - shared)) + " " + tail;
    }
}
