package org.quotecheck.report;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of schema.org that ClaimReview uses (types, their parents, the properties each type has and what their
 * values may be, written out from schema.org's definitions), and Google's requirements for fact-check structured data
 * (developers.google.com/search/docs/appearance/structured-data/factcheck: required {@code claimReviewed},
 * {@code reviewRating} with {@code alternateName}, {@code url}; recommended {@code author}, {@code datePublished},
 * {@code itemReviewed} with its author, date and appearance).
 */
final class SchemaOrg {

    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("CreativeWork", "Thing"), Map.entry("Review", "CreativeWork"), Map.entry("ClaimReview", "Review"),
            Map.entry("Claim", "CreativeWork"), Map.entry("Article", "CreativeWork"), Map.entry("NewsArticle", "Article"),
            Map.entry("Intangible", "Thing"), Map.entry("Rating", "Intangible"), Map.entry("Person", "Thing"),
            Map.entry("Organization", "Thing"));

    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "Thing", Set.of("name", "url", "alternateName", "description", "identifier", "image", "sameAs"),
            "CreativeWork", Set.of("author", "citation", "datePublished", "dateModified", "headline", "publisher", "text",
                    "inLanguage", "about", "mentions", "isBasedOn"),
            "Review", Set.of("itemReviewed", "reviewRating", "reviewBody"),
            "ClaimReview", Set.of("claimReviewed"),
            "Claim", Set.of("appearance", "firstAppearance", "claimInterpreter"),
            "Article", Set.of("articleBody", "articleSection"),
            "Rating", Set.of("ratingValue", "bestRating", "worstRating", "ratingExplanation", "author", "reviewAspect"));

    /** What a property's value may be: these types (or their subtypes), or text where "Text" is listed. */
    private static final Map<String, Set<String>> RANGES = Map.ofEntries(
            Map.entry("author", Set.of("Person", "Organization")), Map.entry("publisher", Set.of("Person", "Organization")),
            Map.entry("citation", Set.of("CreativeWork", "Text")), Map.entry("appearance", Set.of("CreativeWork")),
            Map.entry("firstAppearance", Set.of("CreativeWork")), Map.entry("itemReviewed", Set.of("Thing")),
            Map.entry("reviewRating", Set.of("Rating")), Map.entry("url", Set.of("URL")),
            Map.entry("claimReviewed", Set.of("Text")), Map.entry("text", Set.of("Text")), Map.entry("name", Set.of("Text")),
            Map.entry("headline", Set.of("Text")), Map.entry("alternateName", Set.of("Text")),
            Map.entry("ratingExplanation", Set.of("Text")), Map.entry("datePublished", Set.of("Date")),
            Map.entry("ratingValue", Set.of("Number")), Map.entry("bestRating", Set.of("Number")),
            Map.entry("worstRating", Set.of("Number")));

    private SchemaOrg() {
    }

    /** Every way a node breaks schema.org: unknown properties for its type, values of the wrong kind. */
    static List<String> violations(String expectedType, Map<?, ?> node) {
        List<String> problems = new ArrayList<>();
        check(expectedType == null ? Set.of("Thing") : Set.of(expectedType), node, "$", problems);
        return problems;
    }

    private static void check(Set<String> allowed, Map<?, ?> node, String path, List<String> problems) {
        Object type = node.get("@type");
        if (!(type instanceof String name) || !PARENT.containsKey(name) && !name.equals("Thing")) {
            problems.add(path + ": unknown @type " + type);
            return;
        }
        if (allowed.stream().noneMatch(a -> isA(name, a))) {
            problems.add(path + ": a " + name + " where " + allowed + " is expected");
        }
        Set<String> known = new HashSet<>();
        for (String t = name; t != null; t = PARENT.get(t)) {
            known.addAll(PROPERTIES.getOrDefault(t, Set.of()));
        }
        for (Map.Entry<?, ?> property : node.entrySet()) {
            String key = (String) property.getKey();
            if (key.startsWith("@")) {
                continue;
            }
            if (!known.contains(key)) {
                problems.add(path + "." + key + ": not a property of " + name);
                continue;
            }
            Set<String> range = RANGES.getOrDefault(key, Set.of("Text"));
            Object value = property.getValue();
            if (value instanceof Map<?, ?> child) {
                check(range, child, path + "." + key, problems);
            } else if (value == null) {
                problems.add(path + "." + key + ": null");
            } else if (!literalFits(range, value)) {
                problems.add(path + "." + key + ": " + value + " is not " + range);
            }
        }
    }

    private static boolean isA(String type, String wanted) {
        for (String t = type; t != null; t = PARENT.get(t)) {
            if (t.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean literalFits(Set<String> range, Object value) {
        if (range.contains("Number")) {
            return value instanceof Number;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return false;
        }
        if (range.contains("URL")) {
            return absoluteHttp(text);
        }
        if (range.contains("Date")) {
            try {
                LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return range.contains("Text");
    }

    private static boolean absoluteHttp(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What Google's fact-check rich result requires and recommends that this review lacks. */
    static List<String> googleFactCheckProblems(Map<?, ?> review) {
        List<String> problems = new ArrayList<>();
        if (!(review.get("claimReviewed") instanceof String claim) || claim.isBlank()) {
            problems.add("required: claimReviewed");
        }
        if (!(review.get("url") instanceof String url) || !absoluteHttp(url)) {
            problems.add("required: url, an absolute address");
        }
        if (!(review.get("reviewRating") instanceof Map<?, ?> rating)) {
            problems.add("required: reviewRating");
        } else {
            if (!(rating.get("alternateName") instanceof String name) || name.isBlank()) {
                problems.add("required: reviewRating.alternateName");
            }
            if (rating.get("ratingValue") instanceof Number value) {
                if (!(rating.get("bestRating") instanceof Number best) || !(rating.get("worstRating") instanceof Number worst)) {
                    problems.add("reviewRating with a ratingValue needs bestRating and worstRating");
                } else if (value.doubleValue() < worst.doubleValue() || value.doubleValue() > best.doubleValue()
                        || worst.doubleValue() >= best.doubleValue()) {
                    problems.add("reviewRating.ratingValue outside worstRating..bestRating");
                }
            }
        }
        if (!(review.get("author") instanceof Map<?, ?> author) || !(author.get("name") instanceof String)) {
            problems.add("recommended: author with a name");
        }
        if (!(review.get("datePublished") instanceof String)) {
            problems.add("recommended: datePublished");
        }
        if (!(review.get("itemReviewed") instanceof Map<?, ?> item) || !"Claim".equals(item.get("@type"))) {
            problems.add("recommended: itemReviewed, a Claim");
        } else {
            for (String field : List.of("author", "datePublished")) {
                if (item.get(field) == null) {
                    problems.add("recommended: itemReviewed." + field);
                }
            }
            Object appearance = item.get("firstAppearance") != null ? item.get("firstAppearance") : item.get("appearance");
            if (!(appearance instanceof Map<?, ?> work) || !(work.get("url") instanceof String)) {
                problems.add("recommended: itemReviewed.appearance or firstAppearance with a url");
            }
        }
        return problems;
    }
}
