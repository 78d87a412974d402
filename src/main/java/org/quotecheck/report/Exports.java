package org.quotecheck.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotecheck.review.workflow.Rating;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Writes report rows as CSV (RFC 4180), JSON or schema.org ClaimReview JSON-LD, one row at a time. */
public final class Exports {

    /** The CSV columns, in order (documented in the README). */
    static final List<String> CSV_COLUMNS = List.of("claim_id", "article_id", "article_title", "article_url", "outlet",
            "article_published", "type", "text", "speaker", "rating", "rating_label", "rationale", "submitted_by",
            "submitted_at", "approved_by", "approved_at", "source_title", "source_type", "source_url",
            "evidence_classification", "evidence_passage", "evidence_critical_differences", "evidence_timestamp",
            "text_missing", "source_corrected");

    /** What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * ClaimReview ratings on a 1 (worst) to 5 (best) scale. UNVERIFIABLE has no place on a true/false scale and is
     * given the middle value; its alternateName says what it means.
     */
    static final Map<String, Integer> RATING_VALUES = Map.of("ACCURATE", 5, "MOSTLY_ACCURATE", 4, "UNVERIFIABLE", 3,
            "MISLEADING", 2, "MISATTRIBUTED", 2, "INACCURATE", 1);

    private Exports() {
    }

    /** Where rows come from: the application's data source, or a benchmark's own connection. */
    public interface Rows {
        void stream(ReportFilter filter, java.util.function.Consumer<ReportRow> sink);
    }

    public record Context(String newsroomName, String newsroomUrl, String factCheckUrl, ReportFilter filter,
                   ReportService.Summary summary, OffsetDateTime generatedAt) {
    }

    public static void csv(Rows service, Context context, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // lets spreadsheet programs detect UTF-8
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get());
        service.stream(context.filter(), row -> {
            try {
                csv.printRecord(row.claimId(), row.articleId(), cell(row.articleTitle()), cell(row.articleUrl()),
                        cell(row.outlet()), row.articlePublishedAt(), row.type(), cell(row.text()), cell(row.speaker()),
                        row.rating(), label(row.rating()), cell(row.rationale()), cell(row.submittedBy()), row.submittedAt(),
                        cell(row.approvedBy()), row.approvedAt(), cell(row.sourceTitle()), row.sourceType(),
                        cell(row.sourceUrl()), row.evidenceClassification(), cell(row.evidencePassage()),
                        cell(row.criticalDifferences()), row.timestamp(), row.textMissing(), row.sourceCorrected());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /**
     * Text from users as a spreadsheet cannot mistake it for a formula: a cell that starts with =, +, -, @, a tab or a
     * carriage return gets a leading apostrophe, as OWASP recommends. Nothing else changes.
     */
    static String cell(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    public static void json(Rows service, ObjectMapper mapper, Context context, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("newsroom", context.newsroomName());
            json.writeStringField("generatedAt", context.generatedAt().toString());
            json.writeObjectField("filters", context.filter().asMap());
            json.writeNumberField("count", context.summary().count());
            json.writeStringField("contentHash", context.summary().contentHash());
            json.writeArrayFieldStart("claims");
            service.stream(context.filter(), row -> write(json, () -> {
                json.writeStartObject();
                json.writeNumberField("id", row.claimId());
                json.writeStringField("type", row.type());
                json.writeStringField("text", row.text());
                if (row.sentence() != null) {
                    json.writeStringField("sentence", row.sentence());
                }
                json.writeStringField("speaker", row.speaker());
                json.writeStringField("rating", row.rating());
                json.writeStringField("ratingLabel", label(row.rating()));
                json.writeStringField("rationale", row.rationale());
                json.writeBooleanField("textMissing", row.textMissing());
                json.writeBooleanField("sourceCorrected", row.sourceCorrected());
                json.writeObjectFieldStart("article");
                json.writeNumberField("id", row.articleId());
                json.writeStringField("title", row.articleTitle());
                json.writeStringField("url", row.articleUrl());
                json.writeStringField("outlet", row.outlet());
                json.writeStringField("publishedAt", row.articlePublishedAt() == null ? null : row.articlePublishedAt().toString());
                json.writeEndObject();
                json.writeObjectFieldStart("signOff");
                json.writeStringField("submittedBy", row.submittedBy());
                json.writeStringField("submittedAt", string(row.submittedAt()));
                json.writeStringField("approvedBy", row.approvedBy());
                json.writeStringField("approvedAt", string(row.approvedAt()));
                json.writeEndObject();
                if (row.sourceTitle() != null) {
                    json.writeObjectFieldStart("evidence");
                    json.writeStringField("sourceTitle", row.sourceTitle());
                    json.writeStringField("sourceType", row.sourceType());
                    json.writeStringField("sourceUrl", row.sourceUrl());
                    json.writeStringField("classification", row.evidenceClassification());
                    json.writeStringField("passage", row.evidencePassage());
                    json.writeStringField("criticalDifferences", row.criticalDifferences());
                    json.writeStringField("timestamp", row.timestamp());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * schema.org ClaimReview JSON-LD, as Google's fact-check structured data asks for it. The reviewed claim is the
     * claim as the article printed it (a partial quote with its sentence), which appeared first in the article; the
     * source it was checked against is cited as evidence ({@code citation}), never as where the claim appeared. The
     * review's {@code url} is the public fact-check (see {@link #factCheckUrl}); claims without one are left out.
     */
    public static void claimReview(Rows service, ObjectMapper mapper, Context context, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeArrayFieldStart("@graph");
            service.stream(context.filter(), row -> write(json, () -> {
                String url = factCheckUrl(context.factCheckUrl(), row);
                if (url == null) {
                    return;
                }
                String printed = row.sentence() != null ? row.sentence() : row.text();
                json.writeStartObject();
                json.writeStringField("@type", "ClaimReview");
                json.writeStringField("url", url);
                json.writeStringField("claimReviewed", shorten(printed, 300));
                json.writeStringField("datePublished", row.approvedAt() == null ? null : row.approvedAt().toLocalDate().toString());
                json.writeObjectFieldStart("author");
                json.writeStringField("@type", "Organization");
                json.writeStringField("name", context.newsroomName());
                json.writeStringField("url", context.newsroomUrl());
                json.writeEndObject();
                json.writeObjectFieldStart("reviewRating");
                json.writeStringField("@type", "Rating");
                json.writeStringField("alternateName", label(row.rating()));
                json.writeNumberField("ratingValue", RATING_VALUES.getOrDefault(row.rating(), 3));
                json.writeNumberField("bestRating", 5);
                json.writeNumberField("worstRating", 1);
                json.writeStringField("ratingExplanation", row.rationale());
                json.writeEndObject();
                json.writeObjectFieldStart("itemReviewed");
                json.writeStringField("@type", "Claim");
                if (row.speaker() != null) {
                    json.writeObjectFieldStart("author");
                    json.writeStringField("@type", "Person");
                    json.writeStringField("name", row.speaker());
                    json.writeEndObject();
                }
                if (row.articlePublishedAt() != null) {
                    json.writeStringField("datePublished", row.articlePublishedAt().toString());
                }
                for (String where : List.of("appearance", "firstAppearance")) {
                    json.writeObjectFieldStart(where);
                    writeArticle(json, row);
                    json.writeEndObject();
                }
                json.writeStringField("text", printed);
                json.writeEndObject();
                if (row.sourceTitle() != null) {
                    json.writeObjectFieldStart("citation");
                    json.writeStringField("@type", "CreativeWork");
                    json.writeStringField("name", row.sourceTitle());
                    if (row.sourceUrl() != null) {
                        json.writeStringField("url", row.sourceUrl());
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
            }));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeArticle(JsonGenerator json, ReportRow row) throws IOException {
        json.writeStringField("@type", "NewsArticle");
        json.writeStringField("headline", shorten(row.articleTitle(), 110));
        if (row.articleUrl() != null) {
            json.writeStringField("url", row.articleUrl());
        }
        if (row.articlePublishedAt() != null) {
            json.writeStringField("datePublished", row.articlePublishedAt().toString());
        }
        if (row.outlet() != null) {
            json.writeObjectFieldStart("publisher");
            json.writeStringField("@type", "Organization");
            json.writeStringField("name", row.outlet());
            json.writeEndObject();
        }
    }

    /**
     * The public address of a claim's fact-check: the configured pattern with {@code {claimId}} and {@code {articleId}}
     * filled in, else the published article's address with {@code #claim-N}, else none (the application's own pages
     * need a login, so they are never a ClaimReview's url).
     */
    static String factCheckUrl(String pattern, ReportRow row) {
        if (pattern != null && !pattern.isBlank()) {
            return pattern.strip().replace("{claimId}", String.valueOf(row.claimId()))
                    .replace("{articleId}", String.valueOf(row.articleId()));
        }
        if (row.articleUrl() == null || row.articleUrl().isBlank()) {
            return null;
        }
        int fragment = row.articleUrl().indexOf('#');
        return (fragment < 0 ? row.articleUrl() : row.articleUrl().substring(0, fragment)) + "#claim-" + row.claimId();
    }

    /** The report's HTML, parsed by a real HTML parser, rendered to PDF. */
    static void pdf(String html, OutputStream out) throws IOException {
        org.w3c.dom.Document document = new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(html));
        com.openhtmltopdf.pdfboxout.PdfRendererBuilder builder = new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(document, "/");
        builder.toStream(out);
        builder.run();
    }

    interface JsonWrite {
        void run() throws IOException;
    }

    private static void write(JsonGenerator json, JsonWrite write) {
        try {
            write.run();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String label(String rating) {
        return rating == null ? null : Rating.valueOf(rating).label();
    }

    private static String string(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
