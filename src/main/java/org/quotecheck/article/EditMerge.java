package org.quotecheck.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two people edited the same article: what each changed against the version both started from, merged field by
 * field, and the words that differ where both changed the same field. Pure Java.
 */
public final class EditMerge {

    /** One field: the value both started from (or its hash), the editor's and the one saved meanwhile. */
    public record Field(String name, String label, String base, String mine, String theirs) {
    }

    /** The merged value of a field, and whether both sides changed it differently (the editor must choose). */
    public record Merged(String name, String label, String value, boolean mineChanged, boolean theirsChanged, boolean conflict,
                         List<Segment> diff) {
    }

    /** A run of words: in both versions, only in the saved one, or only in the editor's. */
    public record Segment(Kind kind, String text) {
        public boolean isSame() {
            return kind == Kind.SAME;
        }

        public boolean isSaved() {
            return kind == Kind.SAVED;
        }

        public boolean isMine() {
            return kind == Kind.MINE;
        }
    }

    public enum Kind { SAME, SAVED, MINE }

    /** Above this many word pairs the middle of a difference is shown whole rather than aligned word by word. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    private EditMerge() {
    }

    /**
     * Merges one field. {@code sameAsBase} compares a value with the base (for a long body, by hash). A field only one
     * side changed takes that side's value; one both changed to different values keeps the editor's, as a conflict.
     */
    public static Merged merge(Field field, java.util.function.BiPredicate<String, String> sameAsBase) {
        boolean mineChanged = !sameAsBase.test(field.mine(), field.base());
        boolean theirsChanged = !sameAsBase.test(field.theirs(), field.base());
        boolean conflict = mineChanged && theirsChanged && !field.mine().equals(field.theirs());
        String value = mineChanged ? field.mine() : field.theirs();
        return new Merged(field.name(), field.label(), value, mineChanged, theirsChanged, conflict,
                conflict ? diff(field.theirs(), field.mine()) : List.of());
    }

    /** Word by word, the saved text against the editor's: common prefix and suffix, the middle aligned. */
    public static List<Segment> diff(String saved, String mine) {
        List<String> a = tokens(saved);
        List<String> b = tokens(mine);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Segment> out = new ArrayList<>();
        add(out, Kind.SAME, String.join("", a.subList(0, start)));
        List<String> x = a.subList(start, endA);
        List<String> y = b.subList(start, endB);
        if ((long) x.size() * y.size() > MAX_CELLS) {
            add(out, Kind.SAVED, String.join("", x));
            add(out, Kind.MINE, String.join("", y));
        } else {
            align(x, y, out);
        }
        add(out, Kind.SAME, String.join("", a.subList(endA, a.size())));
        return out;
    }

    /** Longest common subsequence of tokens, walked back into runs. */
    private static void align(List<String> x, List<String> y, List<Segment> out) {
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                add(out, Kind.SAME, x.get(i++));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(out, Kind.SAVED, x.get(i++));
            } else {
                add(out, Kind.MINE, y.get(j++));
            }
        }
    }

    private static void add(List<Segment> out, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
