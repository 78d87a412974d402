package org.quotecheck.library.ranking;

import org.quotecheck.verification.WordLists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim as two PostgreSQL {@code tsquery} texts. {@link #filter()} matches passages that have two neighbouring
 * content words of the claim (any such pair): selective enough that the full-text index reads few rows even in a
 * large library, loose enough that reworded sentences sharing a few words are found. {@link #rank()} is any of the
 * claim's words and numbers, so that passages with more of them rank higher. Only letters and digits reach the
 * query, so its syntax cannot be broken from outside.
 */
public record TextQuery(String filter, String rank) {

    /** Longer claims are searched by their first this-many content words. */
    static final int MAX_WORDS = 24;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words of attribution that every report has: they say nothing about where a claim comes from. */
    private static final Set<String> SPEECH = Set.of("said", "says", "say", "told", "tells", "added", "stated", "noted",
            "according", "reporters", "asked", "explained", "mr", "ms", "mrs", "dr");
    /**
     * PostgreSQL's English stop words: dropped here so that a pair never shrinks to one word inside the database
     * (which would make the filter match far more passages than it should).
     */
    private static final Set<String> POSTGRES_STOPWORDS = Set.of(("i me my myself we our ours ourselves you your yours "
            + "yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves "
            + "what which who whom this that these those am is are was were be been being have has had having do does did "
            + "doing a an the and but if or because as until while of at by for with about against between into through "
            + "during before after above below to from up down in out on off over under again further then once here there "
            + "when where why how all any both each few more most other some such no nor not only own same so than too very "
            + "s t can will just don should now").split(" "));

    /** The query, or null when the claim has no word worth searching for. */
    public static TextQuery of(String claim) {
        List<String> words = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = WORD.matcher(claim == null ? "" : claim.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (Character.isDigit(w.charAt(0))) {
                if (numbers.size() < 8) {
                    numbers.add(w);
                }
                continue;
            }
            if (w.length() < 2 || WordLists.STOPWORDS.contains(w) || WordLists.NEGATIONS.contains(w) || SPEECH.contains(w)
                    || POSTGRES_STOPWORDS.contains(w)) {
                continue;
            }
            if (words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        Set<String> pairs = new LinkedHashSet<>();
        if (words.size() == 1) {
            pairs.add(words.get(0));
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (!words.get(i).equals(words.get(i + 1))) {
                pairs.add("(" + words.get(i) + " & " + words.get(i + 1) + ")");
            }
        }
        if (pairs.isEmpty()) {
            pairs.add(words.get(0));
        }
        Set<String> any = new LinkedHashSet<>(words);
        any.addAll(numbers);
        return new TextQuery(String.join(" | ", pairs), String.join(" | ", any));
    }
}
