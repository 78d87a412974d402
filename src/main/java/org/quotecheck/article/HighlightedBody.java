package org.quotecheck.article;

import org.quotecheck.claim.ClaimView;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The article body cut into pieces at every claim boundary and paragraph break, so that the page can mark each
 * claim in the text (several may overlap: a quote inside a statement) and link to it. Each piece knows its offset
 * in the body, which lets a selection be turned back into offsets.
 */
public record HighlightedBody(List<Paragraph> paragraphs) {

    public record Paragraph(List<Piece> pieces) {
    }

    /** A run of text covered by the same claims; {@code anchors} are the claims that start here. */
    public record Piece(String text, int start, List<ClaimView> claims, List<Long> anchors) {

        public String classes() {
            StringBuilder css = new StringBuilder();
            for (ClaimView claim : claims) {
                css.append(" c-").append(claim.type().name().toLowerCase().replace('_', '-'));
            }
            return css.toString().strip();
        }

        public String claimIds() {
            return String.join(" ", claims.stream().map(c -> String.valueOf(c.id())).toList());
        }

        public boolean isMarked() {
            return !claims.isEmpty();
        }

        public String title() {
            return String.join("; ", claims.stream().map(c -> c.typeLabel() + (c.speaker() == null ? "" : " by " + c.speaker())).toList());
        }
    }

    public static HighlightedBody of(String body, List<ClaimView> claims) {
        return of(body, claims, 0, body.length());
    }

    /** The part of the body from {@code from} to {@code to}, with the claims that fall in it (clipped to it). */
    public static HighlightedBody of(String body, List<ClaimView> claims, int from, int to) {
        List<ClaimView> shown = claims.stream().filter(c -> !c.textMissing() && !c.isDismissed() && c.end() <= body.length()
                && c.start() < to && c.end() > from).toList();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        for (ClaimView claim : shown) {
            cuts.add(Math.max(from, claim.start()));
            cuts.add(Math.min(to, claim.end()));
        }
        for (int i = body.indexOf('\n', from); i >= 0 && i < to; i = body.indexOf('\n', i + 1)) {
            cuts.add(i);
            cuts.add(i + 1);
        }
        cuts.removeIf(cut -> cut > to);
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        // Claims sorted by start; a sweep keeps the ones that cover the current piece.
        List<ClaimView> open = new ArrayList<>();
        int next = 0;
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int at = previous;
                while (next < shown.size() && shown.get(next).start() <= at) {
                    open.add(shown.get(next++));
                }
                open.removeIf(c -> c.end() <= at);
                String text = body.substring(at, cut);
                if (text.equals("\n")) {
                    paragraphs.add(new Paragraph(current));
                    current = new ArrayList<>();
                } else {
                    List<Long> anchors = open.stream().filter(c -> c.start() == at).map(ClaimView::id).toList();
                    current.add(new Piece(text, at, List.copyOf(open), anchors));
                }
            }
            previous = cut;
        }
        if (!current.isEmpty()) {
            paragraphs.add(new Paragraph(current));
        }
        return new HighlightedBody(paragraphs.stream().filter(p -> !p.pieces().isEmpty()).toList());
    }
}
