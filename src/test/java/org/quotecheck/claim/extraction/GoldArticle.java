package org.quotecheck.claim.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An article with its hand-made annotations: the quotes with speaker and type, and the check-worthy statements. */
record GoldArticle(String name, String body, List<GoldQuote> quotes, List<Span> statements) {

    record GoldQuote(int start, int end, String text, String speaker, ClaimType type) {
    }

    static List<GoldArticle> all() {
        List<GoldArticle> articles = new ArrayList<>();
        articles.add(sample());
        for (String name : List.of("riverton-budget", "senate-defense-bill", "sea-level-study", "nordvik-results",
                "harbor-bridge-hearing", "seoul-summit-ko", "osaka-summit-ja", "berlin-tram-de", "school-closures",
                "port-strike-fr", "hospital-merger", "trade-talks-zh")) {
            articles.add(own(name));
        }
        return articles;
    }

    /**
     * Articles written and annotated by someone who had not seen the rules, after they were written: measured, never
     * used to tune them.
     */
    static List<GoldArticle> heldOut() {
        return List.of("heldout-hospital-wait", "heldout-ferry-records", "heldout-heater-recall", "heldout-stadium-lease",
                "heldout-farmland-homes", "unseen-bus-strike", "unseen-school-sleep", "unseen-warehouse-fire",
                "unseen-app-breach", "unseen3-estonia-election", "unseen3-kentucky-flood", "unseen3-rovers-manager",
                "unseen3-riksbank-cut").stream().map(GoldArticle::own).toList();
    }

    /** The shared sample article, whose gold file gives offsets. */
    static GoldArticle sample() {
        String body = read("/corpus/articles/gyeongju-summit.txt");
        JsonNode gold = json("/corpus/gold/gyeongju-summit.claims.json");
        List<GoldQuote> quotes = new ArrayList<>();
        for (JsonNode q : gold.get("quotes")) {
            quotes.add(new GoldQuote(q.get("span").get(0).asInt(), q.get("span").get(1).asInt(), q.get("text").asText(),
                    q.get("speaker").isNull() ? null : q.get("speaker").asText(), ClaimType.valueOf(q.get("type").asText())));
        }
        List<Span> statements = new ArrayList<>();
        for (JsonNode s : gold.get("checkworthy_statements")) {
            statements.add(new Span(s.get("span").get(0).asInt(), s.get("span").get(1).asInt()));
        }
        return new GoldArticle("gyeongju-summit (shared sample)", body, quotes, statements);
    }

    /** Our own articles: gold files name the exact text, each occurring once in the body. */
    static GoldArticle own(String name) {
        String body = read("/extraction/" + name + ".txt");
        JsonNode gold = json("/extraction/" + name + ".gold.json");
        List<GoldQuote> quotes = new ArrayList<>();
        for (JsonNode q : gold.get("quotes")) {
            String text = q.get("text").asText();
            int start = body.indexOf(text);
            quotes.add(new GoldQuote(start, start + text.length(), text,
                    q.get("speaker").isNull() ? null : q.get("speaker").asText(), ClaimType.valueOf(q.get("type").asText())));
        }
        List<Span> statements = new ArrayList<>();
        for (JsonNode s : gold.get("statements")) {
            int start = body.indexOf(s.asText());
            statements.add(new Span(start, start + s.asText().length()));
        }
        return new GoldArticle(name + " (" + gold.get("topic").asText() + ")", body, quotes, statements);
    }

    static String read(String resource) {
        try (InputStream in = GoldArticle.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(read(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
