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
 * informative words of the claim (any such pair): selective enough that the full-text index reads few rows even in
 * a large library, loose enough that reworded sentences sharing a few words are found. A word is informative unless
 * the library's own statistics say it is in more than {@link #COMMON} of the passages (PostgreSQL's most common
 * elements of the column): in a library of council transcripts "council" says little. {@link #rank()} is any of the
 * claim's words and numbers, so that passages with more of them rank higher. Only letters and digits reach the
 * query (words are cut by {@link #words} and stemmed by PostgreSQL, which never adds punctuation), so its syntax
 * cannot be broken from outside.
 */
public record TextQuery(String filter, String rank) {

    /** A word in more than this share of the passages does not make a pair (it would make the filter read too much). */
    public static final double COMMON = 0.01;

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

    /** The claim's content words and numbers, in order, as typed (before stemming). */
    public record Words(List<String> words, List<String> numbers) {
    }

    public static Words words(String claim) {
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
        return new Words(words, List.copyOf(numbers));
    }

    /** The query by the words as they are (no statistics, no stemming), or null when the claim has no word worth searching for. */
    public static TextQuery of(String claim) {
        Words words = words(claim);
        return of(words.words(), words.numbers(), w -> 0.0);
    }

    /**
     * The query from the claim's words as the database stems them ({@code lexemes}, in order, empty where a word is a
     * stop word), its numbers, and each lexeme's share of the passages; or null when nothing is worth searching for.
     */
    public static TextQuery of(List<String> lexemes, List<String> numbers, java.util.function.ToDoubleFunction<String> share) {
        List<String> words = lexemes.stream().filter(l -> l != null && !l.isEmpty() && WORD.matcher(l).matches()).toList();
        if (words.isEmpty()) {
            return null;
        }
        List<String> informative = words.stream().filter(w -> share.applyAsDouble(w) < COMMON).toList();
        if (informative.size() < 2) {
            // Too few rare words to pair: pair the two rarest (or take the only one).
            informative = words.stream().distinct().sorted(java.util.Comparator.comparingDouble(share::applyAsDouble)).limit(2).toList();
        }
        Set<String> pairs = new LinkedHashSet<>();
        if (informative.size() == 1) {
            pairs.add(informative.get(0));
        }
        for (int i = 0; i + 1 < informative.size(); i++) {
            if (!informative.get(i).equals(informative.get(i + 1))) {
                pairs.add("(" + informative.get(i) + " & " + informative.get(i + 1) + ")");
            }
        }
        if (pairs.isEmpty()) {
            pairs.add(informative.get(0));
        }
        Set<String> any = new LinkedHashSet<>(words);
        numbers.stream().filter(n -> WORD.matcher(n).matches()).forEach(any::add);
        return new TextQuery(String.join(" | ", pairs), String.join(" | ", any));
    }
}
