package org.quotecheck.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a claim that are worth checking: quantities ("45 minutes", "4.2 million euros") and comparisons
 * ("nearly twice the city average", "a third of them"), but not labels ("Line 3", "Route 66", "Article 9") or
 * definite references ("the two countries"), which name something rather than count it. Pure Java.
 */
public final class ClaimNumbers {

    /** Words after which a number names a thing: a line, a route, a flight, a section. */
    private static final Pattern LABEL_BEFORE = Pattern.compile("(?i)\\b(?:line|route|highway|road|bus|tram|train|flight|"
            + "gate|platform|terminal|exit|room|floor|apartment|unit|building|block|district|ward|article|section|"
            + "chapter|clause|paragraph|page|item|no\\.|number|nos?\\.|interstate|i-|channel|season|episode|"
            + "version|model|level|grade|class|category|stage|phase|act|amendment|resolution|bill|lot|pier|dock|berth)"
            + "\\s*$");
    /** "the two countries", "the three leaders": which ones, not how many. */
    private static final Pattern DEFINITE_BEFORE = Pattern.compile("(?i)\\b(?:the|these|those|both)\\s+$");

    private static final Pattern COMPARATIVE = Pattern.compile("(?i)\\b(?<hedge>(?:nearly|almost|about|roughly|around|"
            + "more than|less than|over|under|some|just over|just under)\\s+)?(?<amount>twice|three times|four times|"
            + "five times|ten times|half|a half|a third|one third|a quarter|one quarter|two-thirds|two thirds|"
            + "three-quarters|three quarters|double|triple|quadruple)(?=\\s+(?:the|as|of|that|what|their|its|his|her|"
            + "our|a|an)\\b)");

    private ClaimNumbers() {
    }

    /** The claim's numbers in text order, with offsets in {@code text}. */
    public static List<NumberMention> in(String text) {
        List<NumberMention> numbers = new ArrayList<>();
        for (NumberMention n : NumberFinder.find(text)) {
            String before = text.substring(Math.max(0, n.start() - 24), n.start());
            boolean bare = n.unit() == null;
            if (bare && LABEL_BEFORE.matcher(before).find()) {
                continue;
            }
            NumberMention date = bare ? asDate(text, n) : null;
            if (date != null) {
                numbers.add(date);
                continue;
            }
            boolean measure = "percent".equals(n.unit()) || n.unit() != null && n.unit().equals(n.unit().toUpperCase(Locale.ROOT));
            if (!measure && !Character.isDigit(n.text().charAt(0)) && DEFINITE_BEFORE.matcher(before).find()) {
                continue;
            }
            numbers.add(n);
        }
        Matcher comparative = COMPARATIVE.matcher(text);
        boolean compares = mentionsComparison(text);
        while (compares && comparative.find()) {
            String amount = comparative.group("amount").toLowerCase(Locale.ROOT);
            int start = comparative.start();
            int end = comparative.end();
            if (numbers.stream().noneMatch(n -> n.start() < end && start < n.end())) {
                numbers.add(new NumberMention(text.substring(start, end), start, end, valueOf(amount),
                        isFraction(amount) ? "fraction" : "times"));
            }
        }
        numbers.sort(Comparator.comparingInt(NumberMention::start));
        return numbers;
    }

    private static final java.util.Set<String> COMPARISON_WORDS = java.util.Set.of("twice", "times", "half", "third",
            "thirds", "quarter", "quarters", "double", "triple", "quadruple");

    /** One pass over the words before the comparison pattern is tried: most claims compare nothing. */
    private static boolean mentionsComparison(String text) {
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end - i <= 9 && COMPARISON_WORDS.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
            i = end;
        }
        return false;
    }

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final Pattern MONTH_AFTER = Pattern.compile("^(?:\\s+of)?\\s+" + MONTH + "(?![\\p{L}])");
    private static final Pattern MONTH_BEFORE = Pattern.compile("\\b" + MONTH + "\\s+$");

    /**
     * "14 March", "March 14", "October 30th": a day of a month is a date, not a count of fourteen. It stays a number
     * of the claim (a changed date matters), written with its month and with the unit "date".
     */
    private static NumberMention asDate(String text, NumberMention n) {
        if (n.value() < 1 || n.value() > 31 || n.value() != Math.floor(n.value()) || !Character.isDigit(n.text().charAt(0))) {
            return null;
        }
        Matcher after = MONTH_AFTER.matcher(text.substring(n.end(), Math.min(text.length(), n.end() + 16)));
        if (after.find()) {
            return new NumberMention(text.substring(n.start(), n.end() + after.end()), n.start(), n.end() + after.end(),
                    n.value(), "date");
        }
        Matcher before = MONTH_BEFORE.matcher(text.substring(Math.max(0, n.start() - 12), n.start()));
        if (before.find()) {
            int start = Math.max(0, n.start() - 12) + before.start();
            return new NumberMention(text.substring(start, n.end()), start, n.end(), n.value(), "date");
        }
        return null;
    }

    private static boolean isFraction(String amount) {
        return amount.contains("half") || amount.contains("third") || amount.contains("quarter");
    }

    private static double valueOf(String amount) {
        return switch (amount.replace('-', ' ')) {
            case "twice", "double" -> 2;
            case "triple", "three times" -> 3;
            case "quadruple", "four times" -> 4;
            case "five times" -> 5;
            case "ten times" -> 10;
            case "half", "a half" -> 0.5;
            case "a third", "one third" -> 1.0 / 3;
            case "a quarter", "one quarter" -> 0.25;
            case "two thirds" -> 2.0 / 3;
            case "three quarters" -> 0.75;
            default -> Double.NaN;
        };
    }
}
