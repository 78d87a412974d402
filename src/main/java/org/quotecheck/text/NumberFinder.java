package org.quotecheck.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in a text, in digits or in words, with their value and unit: "20 minutes", "forty-five",
 * "1,000", "$2.75", "$1.8 billion", "46 percent", "46%", "twenty-one people". A pure function, linear in the text.
 */
public final class NumberFinder {

    private static final Map<String, Integer> UNITS_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS_WORDS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Double> SCALES = Map.of("hundred", 1e2, "thousand", 1e3, "million", 1e6,
            "billion", 1e9, "trillion", 1e12);
    private static final Map<String, String> CURRENCIES = Map.of("$", "USD", "US$", "USD", "€", "EUR", "£", "GBP",
            "¥", "JPY", "₩", "KRW");
    private static final Set<String> UNIT_WORDS = Set.of("percent", "per cent", "percentage points", "points",
            "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
            "years", "year", "decades", "people", "persons", "residents", "students", "jobs", "workers", "employees",
            "votes", "seats", "homes", "houses", "units", "cases", "deaths", "kilometers", "kilometres", "km", "miles",
            "meters", "metres", "feet", "tons", "tonnes", "kilograms", "kg", "pounds", "degrees", "dollars", "euros",
            "yen", "won", "times", "countries", "members", "schools", "beds", "patients", "trees", "acres", "hectares");
    private static final Map<String, String> UNIT_ALIASES = Map.of("per cent", "percent", "%", "percent",
            "dollars", "USD", "euros", "EUR", "yen", "JPY", "won", "KRW", "pounds", "GBP");

    private static final String WORD_NUMBER = "(?:(?:" + String.join("|", TENS_WORDS.keySet()) + ")(?:[- ](?:"
            + String.join("|", UNITS_WORDS.keySet()) + "))?|" + String.join("|", UNITS_WORDS.keySet()) + ")";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<currency>US\\$|[$€£¥₩])?\\s?"
                    + "(?:(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(?<words>\\b" + WORD_NUMBER
                    + "(?:\\s+hundred(?:\\s+(?:and\\s+)?" + WORD_NUMBER + ")?)?\\b))"
                    + "(?<ordinal>st|nd|rd|th)?"
                    + "(?:\\s?(?<scale>hundred|thousand|million|billion|trillion|bn|m)\\b)?"
                    + "(?:\\s?(?<percent>%)|\\s(?<unit>" + String.join("|", UNIT_WORDS.stream()
                    .sorted((a, b) -> b.length() - a.length()).toList()) + ")\\b)?",
            Pattern.CASE_INSENSITIVE);

    private NumberFinder() {
    }

    /**
     * The pattern is tried only where a number can start: a digit, a currency sign, or a word that is a number word.
     * Letting {@code find()} try it at every character cost more than everything else the extractor does per claim.
     */
    public static List<NumberMention> find(String text) {
        List<NumberMention> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!mayStartNumber(text, i)) {
                i++;
                continue;
            }
            m.region(i, length);
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            NumberMention mention = toMention(text, m);
            if (mention != null) {
                found.add(mention);
            }
            i = Math.max(m.end(), i + 1);
        }
        return found;
    }

    private static boolean mayStartNumber(String text, int i) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
            return i == 0 || !Character.isDigit(text.charAt(i - 1));
        }
        if (c == '$' || c == '€' || c == '£' || c == '¥' || c == '₩') {
            return true;
        }
        if (c == 'U') {
            return text.startsWith("US$", i);
        }
        if (!Character.isLetter(c) || i > 0 && Character.isLetter(text.charAt(i - 1))) {
            return false;
        }
        int end = i;
        while (end < text.length() && end - i < 10 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(i, end).toLowerCase(Locale.ROOT);
        return UNITS_WORDS.containsKey(word) || TENS_WORDS.containsKey(word);
    }

    private static NumberMention toMention(String text, Matcher m) {
        String digits = m.group("digits");
        String words = m.group("words");
        String unit = m.group("percent") != null ? "percent" : m.group("unit");
        if (digits != null) {
            // Part of a word or identifier (COVID-19, A4, 3D), not a number of its own.
            int before = m.start("digits") - 1;
            boolean glued = before >= 0 && (Character.isLetter(text.charAt(before))
                    || text.charAt(before) == '-' && before > 0 && Character.isLetter(text.charAt(before - 1)));
            if (m.group("currency") == null && glued) {
                return null;
            }
        }
        if (words != null) {
            String lower = words.toLowerCase(Locale.ROOT);
            // "one" alone is usually a pronoun ("no one", "one of them"): count it only with a unit or scale.
            if ((lower.equals("one") || lower.equals("zero")) && unit == null && m.group("scale") == null) {
                return null;
            }
            if (Character.isUpperCase(words.charAt(0)) && m.start() > 0 && lower.equals("one")) {
                return null;
            }
        }
        double value = digits != null ? Double.parseDouble(digits.replace(",", "")) : wordsValue(words);
        String scale = m.group("scale");
        if (scale != null) {
            String s = scale.toLowerCase(Locale.ROOT);
            if ((s.equals("m") || s.equals("bn")) && m.group("currency") == null) {
                return null;
            }
            value *= switch (s) {
                case "bn" -> 1e9;
                case "m" -> 1e6;
                default -> SCALES.get(s);
            };
        }
        if (m.group("currency") != null) {
            unit = CURRENCIES.get(m.group("currency"));
        } else if (unit != null) {
            String lower = unit.toLowerCase(Locale.ROOT);
            unit = UNIT_ALIASES.getOrDefault(lower, lower);
        }
        int end = m.end();
        String matched = text.substring(m.start(), end);
        int start = m.start() + (matched.length() - matched.stripLeading().length());
        return new NumberMention(text.substring(start, end), start, end, value, unit);
    }

    /** "forty-five" is 45, "two hundred and six" is 206. */
    static double wordsValue(String words) {
        double total = 0;
        double current = 0;
        for (String token : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (UNITS_WORDS.containsKey(token)) {
                current += UNITS_WORDS.get(token);
            } else if (TENS_WORDS.containsKey(token)) {
                current += TENS_WORDS.get(token);
            } else if (token.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
            }
        }
        return total + current;
    }
}
