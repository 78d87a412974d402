package org.quotecheck.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A text cut into pieces at the edges of marked ranges, for templates that highlight parts of it. */
public record MarkedText(List<Piece> pieces) {

    /** A range to mark: offsets relative to the text, and the CSS class and title to give it. */
    public record Range(int start, int end, String css, String title) {
    }

    public record Piece(String text, String css, String title) {
        public boolean isMarked() {
            return css != null;
        }
    }

    public static MarkedText of(String text, List<Range> ranges) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Range range : ranges) {
            cuts.add(Math.max(0, Math.min(text.length(), range.start())));
            cuts.add(Math.max(0, Math.min(text.length(), range.end())));
        }
        List<Piece> pieces = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int from = previous;
                Range covering = ranges.stream().filter(r -> r.start() <= from && r.end() > from)
                        .reduce((a, b) -> a.end() - a.start() <= b.end() - b.start() ? a : b).orElse(null);
                pieces.add(new Piece(text.substring(from, cut), covering == null ? null : covering.css(),
                        covering == null ? null : covering.title()));
            }
            previous = cut;
        }
        return new MarkedText(pieces);
    }
}
