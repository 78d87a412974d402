package org.quotecheck.source;

import org.quotecheck.text.Captions;
import org.quotecheck.verification.CheckResult;
import org.quotecheck.web.MarkedText;

import java.util.ArrayList;
import java.util.List;

/**
 * A check as the page shows it: the quote with its differences marked, the source passage with some context and
 * the source side of the differences marked, the number checks, and the classification explained.
 */
public record CheckView(CheckService.Check check, MarkedText quote, MarkedText context, boolean contextCutBefore,
                        boolean contextCutAfter, String timestamp) {

    static final int CONTEXT = 300;

    public static CheckView of(CheckService.Check check, List<Captions.Cue> cues) {
        CheckResult result = check.result();
        String quoteText = check.claim().text();
        List<MarkedText.Range> quoteRanges = new ArrayList<>();
        if (result.passage() == null) {
            return new CheckView(check, MarkedText.of(quoteText, List.of()), null, false, false, null);
        }
        for (CheckResult.Difference d : result.differences()) {
            if (d.quoteStart() != null && d.quoteStart() >= 0) {
                quoteRanges.add(new MarkedText.Range(d.quoteStart(), d.quoteEnd(), css(d), label(d)));
            }
        }
        Excerpt excerpt = excerpt(result, check.sourceText(), CONTEXT);
        String timestamp = null;
        if (cues != null) {
            Captions.Cue cue = Captions.at(cues, result.passage().start());
            timestamp = cue == null ? null : cue.timestamp();
        }
        return new CheckView(check, MarkedText.of(quoteText, quoteRanges), excerpt.text(), excerpt.cutBefore(),
                excerpt.cutAfter(), timestamp);
    }

    /** A result's passage with up to {@code context} characters around it (cut at word edges), its parts marked. */
    public record Excerpt(MarkedText text, boolean cutBefore, boolean cutAfter) {
    }

    /** The excerpt of a result that has a passage: the passage marked, and the source side of each difference. */
    public static Excerpt excerpt(CheckResult result, String sourceText, int context) {
        int from = wordStart(sourceText, Math.max(0, result.passage().start() - context), result.passage().start());
        int to = wordEnd(sourceText, Math.min(sourceText.length(), result.passage().end() + context), result.passage().end());
        List<MarkedText.Range> ranges = new ArrayList<>();
        List<CheckResult.Passage> parts = result.segments().isEmpty() ? List.of(result.passage()) : result.segments();
        for (CheckResult.Passage part : parts) {
            ranges.add(new MarkedText.Range(part.start() - from, part.end() - from, "passage", "Supporting passage"));
        }
        for (CheckResult.Difference d : result.differences()) {
            if (d.sourceStart() != null && d.sourceStart() >= 0) {
                ranges.add(new MarkedText.Range(d.sourceStart() - from, d.sourceEnd() - from, css(d), label(d)));
            }
        }
        return new Excerpt(MarkedText.of(sourceText.substring(from, to), ranges), from > 0, to < sourceText.length());
    }

    private static String css(CheckResult.Difference d) {
        return "diff-" + d.kind().name().toLowerCase() + (d.critical() ? " critical" : "");
    }

    /** Whether the result lines up facts (a check by meaning) rather than words. */
    public boolean byMeaning() {
        return check.result().method() == CheckResult.Method.MEANING;
    }

    /** Moves an excerpt's start forward to the start of a word, never past the passage. */
    static int wordStart(String text, int from, int limit) {
        if (from == 0) {
            return 0;
        }
        int i = from;
        while (i < limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i++;
        }
        return i;
    }

    /** Moves an excerpt's end back to the end of a word, never before the passage. */
    static int wordEnd(String text, int to, int limit) {
        if (to == text.length()) {
            return to;
        }
        int i = to;
        while (i > limit && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    static String label(CheckResult.Difference d) {
        String what = switch (d.kind()) {
            case INSERTED -> "Only in the article";
            case DELETED -> "Only in the source";
            case REPLACED -> "Changed";
        };
        return d.critical() ? what + " — " + d.reason() : what;
    }

    /** The verdict in words an editor uses: "Says the same in other words" rather than "paraphrase" for a statement. */
    public String verdict() {
        return verdict(check.result());
    }

    /** The same for any result. */
    public static String verdict(CheckResult result) {
        boolean quote = result.method() != CheckResult.Method.MEANING;
        return switch (result.classification()) {
            case VERBATIM -> "Verbatim";
            case MINOR_DIFFERENCES -> "Minor differences";
            case ALTERED -> quote ? "Altered" : "A fact differs";
            case PARAPHRASE -> quote ? "Paraphrase" : "Says the same in other words";
            case NOT_FOUND -> "Not found";
        };
    }

    public String explanation() {
        if (byMeaning() && check.result().classification() == CheckResult.Classification.NOT_FOUND) {
            return "No passage of this source speaks of what the claim says.";
        }
        return switch (check.result().classification()) {
            case VERBATIM -> "The quote appears word for word (ignoring case, punctuation and quote style).";
            case MINOR_DIFFERENCES -> "The same passage with small wording differences that do not change facts.";
            case ALTERED -> check.result().method() == CheckResult.Method.MEANING
                    ? "The source speaks of the same thing, but a fact of the claim differs from it (see the facts below)."
                    : "The passage is there, but a fact changed (a number, a negation, a name or a direction), or most words differ.";
            case PARAPHRASE -> "Not word for word, but the passage says the same thing, and every fact of the claim agrees with it.";
            case NOT_FOUND -> "No passage of this source supports the quote.";
        };
    }
}
