package org.quotecheck.verification;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A text cut into words, each with a 64-bit hash of its normalised form and its offsets in the original text.
 * Normalisation: Unicode NFKC, lower case, typographic apostrophes and dashes unified, thousands separators dropped,
 * number words as digits ("forty-five" is "45"), "%" as "percent". Punctuation and whitespace separate words and are
 * otherwise ignored. Compact on purpose (20 bytes a word): a 10 MB source has about 1.7 million words.
 */
public final class Tokens {

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"), Map.entry("fifteen", "15"),
            Map.entry("sixteen", "16"), Map.entry("seventeen", "17"), Map.entry("eighteen", "18"), Map.entry("nineteen", "19"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
            Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"), Map.entry("ninety", "90"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("%", "percent"), Map.entry("per cent", "percent"));
    private static final String[] TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    final String text;
    final long[] hash;
    final int[] start;
    final int[] end;
    final int size;

    private Tokens(String text, long[] hash, int[] start, int[] end, int size) {
        this.text = text;
        this.hash = hash;
        this.start = start;
        this.end = end;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The hash of the normalised word at {@code i}. */
    public long hash(int i) {
        return hash[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    /** The word as written in the original text. */
    public String original(int i) {
        return text.substring(start[i], end[i]);
    }

    /** The normalised word (computed on demand: only alignments and checks need it). */
    public String normal(int i) {
        return normalise(original(i));
    }

    public static Tokens of(String text) {
        int capacity = Math.max(16, text.length() / 5);
        long[] hash = new long[capacity];
        int[] start = new int[capacity];
        int[] end = new int[capacity];
        int n = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!isWordChar(c) && c != '%') {
                i++;
                continue;
            }
            int from = i;
            if (c == '%') {
                i++;
            } else {
                while (i < length && (isWordChar(text.charAt(i)) || isJoiner(text, i))) {
                    i++;
                }
            }
            if (n == hash.length) {
                int grown = n * 2;
                hash = Arrays.copyOf(hash, grown);
                start = Arrays.copyOf(start, grown);
                end = Arrays.copyOf(end, grown);
            }
            int contraction = contractionAt(text, from, i);
            if (contraction > 0) {
                // "don't" is "do" + "not", "we're" is "we" + "are": both words point at the same written word.
                if (n + 1 >= hash.length) {
                    int grown = n * 2 + 2;
                    hash = Arrays.copyOf(hash, grown);
                    start = Arrays.copyOf(start, grown);
                    end = Arrays.copyOf(end, grown);
                }
                String lower = text.substring(from, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                String[] words = expand(lower, contraction - from);
                for (String word : words) {
                    start[n] = from;
                    end[n] = i;
                    hash[n] = hash(word);
                    n++;
                }
                continue;
            }
            start[n] = from;
            end[n] = i;
            hash[n] = hashOf(text, from, i);
            n++;
        }
        return new Tokens(text, hash, start, end, n);
    }

    private static final Map<String, String> IRREGULAR = Map.of("won't", "will", "can't", "can", "shan't", "shall",
            "ain't", "is");
    private static final java.util.Set<String> PRONOUN_IS = java.util.Set.of("it's", "that's", "there's", "he's",
            "she's", "what's", "here's", "who's", "where's");

    /** Position of the apostrophe of an English contraction that stands for two words, or -1. */
    private static int contractionAt(String text, int from, int to) {
        int length = to - from;
        if (length < 3) {
            return -1;
        }
        String lower = text.substring(from, to).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (lower.endsWith("n't")) {
            return from + length - 3;
        }
        if (lower.endsWith("'re") || lower.endsWith("'ve") || lower.endsWith("'ll")) {
            return from + length - 3;
        }
        if (PRONOUN_IS.contains(lower) || lower.equals("i'm")) {
            return from + length - 2;
        }
        return -1;
    }

    private static String[] expand(String word, int apostrophe) {
        if (word.endsWith("n't")) {
            String stem = IRREGULAR.getOrDefault(word, word.substring(0, word.length() - 3));
            return new String[] {stem, "not"};
        }
        String first = word.substring(0, apostrophe);
        String second = switch (word.substring(apostrophe)) {
            case "'re" -> "are";
            case "'ve" -> "have";
            case "'ll" -> "will";
            case "'m" -> "am";
            default -> "is";
        };
        return new String[] {first, second};
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Apostrophes, hyphens and number separators inside a word keep it one word: it's, Japan-Korea, 1,000, 2.75. */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        if (i + 1 >= text.length() || i == 0) {
            return false;
        }
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        if (c == '\'' || c == '\u2019' || c == '-' || c == '\u2010' || c == '\u2011') {
            return Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after);
        }
        if (c == ',' || c == '.') {
            return Character.isDigit(before) && Character.isDigit(after);
        }
        return false;
    }

    /** Hash of the normalised word; plain ASCII words are hashed without Unicode normalisation. */
    static long hashOf(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128 || c == ',' || c == '-' || c == '\'' || c == '%') {
                return hash(normalise(text.substring(from, to)));
            }
        }
        if (to - from <= 9 && "zotfsenh".indexOf(Character.toLowerCase(text.charAt(from))) >= 0) {
            String number = NUMBER_WORDS.get(text.substring(from, to).toLowerCase(Locale.ROOT));
            if (number != null) {
                return hash(number);
            }
        }
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= Character.toLowerCase(text.charAt(i));
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long hash(String normal) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < normal.length(); i++) {
            h ^= normal.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static String normalise(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2010', '-').replace('\u2011', '-');
        if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
            w = w.replace(",", "");
        }
        String number = NUMBER_WORDS.get(w);
        if (number != null) {
            return number;
        }
        int dash = w.indexOf('-');
        if (dash > 0) {
            for (int t = 0; t < TENS.length; t++) {
                if (w.startsWith(TENS[t] + "-")) {
                    String unit = NUMBER_WORDS.get(w.substring(dash + 1));
                    if (unit != null && unit.length() == 1) {
                        return String.valueOf((t + 2) * 10 + Integer.parseInt(unit));
                    }
                }
            }
        }
        return w;
    }
}
