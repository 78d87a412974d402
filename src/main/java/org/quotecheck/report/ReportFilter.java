package org.quotecheck.report;

import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a verified-claims report. Dates are approval dates, inclusive; the default is every approved claim.
 */
public record ReportFilter(Long articleId, String outlet, LocalDate from, LocalDate to, String rating, String type,
                           String speaker, boolean byArticleDate) {

    public ReportFilter(Long articleId, String outlet, LocalDate from, LocalDate to, String rating, String type, String speaker) {
        this(articleId, outlet, from, to, rating, type, speaker, false);
    }

    public static ReportFilter parse(Long articleId, String outlet, String from, String to, String rating, String type,
                                     String speaker) {
        return parse(articleId, outlet, from, to, rating, type, speaker, null);
    }

    /** {@code dateBy}: "approval" (the default) or "article" (the article's publication date). */
    public static ReportFilter parse(Long articleId, String outlet, String from, String to, String rating, String type,
                                     String speaker, String dateBy) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add(new FieldError("to", "The end date is before the start date."));
        }
        boolean byArticle = "article".equalsIgnoreCase(dateBy == null ? "" : dateBy.strip());
        if (dateBy != null && !dateBy.isBlank() && !byArticle && !"approval".equalsIgnoreCase(dateBy.strip())) {
            errors.add(new FieldError("dateBy", "Use dateBy=approval or dateBy=article."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportFilter(articleId, blankToNull(outlet), fromDate, toDate, blankToNull(rating) == null ? null : rating.strip().toUpperCase(),
                blankToNull(type) == null ? null : type.strip().toUpperCase(), blankToNull(speaker), byArticle);
    }

    /** The filters as recorded in the export audit and shown on the report. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (articleId != null) {
            map.put("articleId", articleId);
        }
        put(map, "outlet", outlet);
        put(map, "from", from == null ? null : from.toString());
        put(map, "to", to == null ? null : to.toString());
        put(map, "rating", rating);
        put(map, "type", type);
        put(map, "speaker", speaker);
        if (byArticleDate) {
            map.put("dateBy", "article");
        }
        return map;
    }

    /** The filters in people's words: "Rating: Mostly accurate · Outlet: Gazette · approved from 2026-01-01". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (articleId != null) {
            parts.add("Article " + articleId);
        }
        if (outlet != null) {
            parts.add("Outlet: " + outlet);
        }
        if (rating != null) {
            parts.add("Rating: " + ratingLabel(rating));
        }
        if (type != null) {
            parts.add("Type: " + type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' '));
        }
        if (speaker != null) {
            parts.add("Speaker: " + speaker);
        }
        String dates = byArticleDate ? "published" : "approved";
        if (from != null && to != null) {
            parts.add(dates + " " + from + " to " + to);
        } else if (from != null) {
            parts.add(dates + " from " + from);
        } else if (to != null) {
            parts.add(dates + " until " + to);
        }
        return parts.isEmpty() ? "All approved claims" : String.join(" · ", parts);
    }

    /** Words for a file name: "mostly-accurate-gazette-2026-01-01-to-2026-03-31". */
    public String slug() {
        List<String> parts = new ArrayList<>();
        for (String value : new String[] {rating == null ? null : ratingLabel(rating), type, outlet, speaker}) {
            if (value != null) {
                parts.add(value);
            }
        }
        if (from != null) {
            parts.add(from.toString());
        }
        if (to != null) {
            parts.add("to-" + to);
        }
        if (articleId != null) {
            parts.add("article-" + articleId);
        }
        String slug = java.text.Normalizer.normalize(String.join("-", parts), java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
    }

    private static String ratingLabel(String rating) {
        try {
            return org.quotecheck.review.workflow.Rating.valueOf(rating).label();
        } catch (IllegalArgumentException e) {
            return rating;
        }
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a date as YYYY-MM-DD."));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
