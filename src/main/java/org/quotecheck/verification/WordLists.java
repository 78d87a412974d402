package org.quotecheck.verification;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The word lists both engines read: negations, direction words, units, titles, stop words; and a light stemmer. */
public final class WordLists {

    public static final Set<String> NEGATIONS = Set.copyOf(List.of("not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
            "without", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
            "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't", "mustn't", "n't"));
    public static final Set<String> UP = Set.copyOf(List.of("rose", "rise", "rises", "rising", "increased", "increase",
            "increases", "up", "higher", "more", "doubled", "tripled", "quadrupled", "gained", "gain", "grew", "grow",
            "above", "over", "most", "largest", "biggest", "highest", "surged", "jumped", "climbed", "expanded", "won",
            "win", "approved", "accept", "for", "support", "best", "strongest", "added"));
    public static final Set<String> DOWN = Set.copyOf(List.of("fell", "fall", "falls", "falling", "decreased", "decrease",
            "decreases", "down", "lower", "less", "fewer", "halved", "lost", "lose", "loss", "shrank", "shrink", "below",
            "under", "least", "smallest", "lowest", "dropped", "drop", "declined", "decline", "plunged", "slumped",
            "contracted", "rejected", "reject", "against", "oppose", "worst", "weakest", "cut"));
    public static final Set<String> UNITS = Set.copyOf(List.of("percent", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
            "week", "months", "month", "years", "year", "million", "billion", "trillion", "thousand", "dollars", "euros",
            "yen", "won", "pounds", "km", "kilometers", "kilometres", "miles", "meters", "metres", "tons", "tonnes",
            "seconds", "decades", "people", "times", "millimetres", "millimeters", "centimetres", "centimeters", "mm",
            "cm", "m", "metre", "meter", "grams", "kilograms", "kg", "litres", "liters", "watts", "megawatts",
            "gigawatts", "terawatt", "hours", "degrees", "celsius", "fahrenheit", "acres", "hectares", "feet", "inches"));
    public static final Set<String> TITLES = Set.copyOf(List.of("president", "prime", "minister", "mr", "ms", "mrs", "dr", "prof",
            "professor", "senator", "sen", "rep", "governor", "mayor", "chancellor", "secretary", "general", "judge",
            "chief", "executive", "director", "chair", "chairman", "chairwoman", "king", "queen", "prince", "sir", "lady",
            "ambassador", "council", "member", "the"));
    public static final Set<String> STOPWORDS = Set.copyOf(List.of("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
            "these", "those", "we", "i", "you", "he", "she", "they", "our", "my", "his", "her", "their", "have", "has",
            "had", "will", "would", "can", "could", "do", "does", "did", "so", "very", "also", "there", "which", "who"));

    private WordLists() {
    }

    static boolean isNumber(String normal) {
        return !normal.isEmpty() && Character.isDigit(normal.charAt(0));
    }

    public static boolean isNegation(String normal) {
        return NEGATIONS.contains(normal) || normal.endsWith("n't");
    }

    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"ingly", "edly", "ing", "ed", "ies", "es", "ly", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
