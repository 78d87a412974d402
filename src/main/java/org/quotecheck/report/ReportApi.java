package org.quotecheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.config.QuotecheckConfig;
import org.quotecheck.web.InvalidInputException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /api/reports/verified-claims?format=json|csv|claimreview}: approved claims with rating, rationale,
 * evidence and sign-offs, streamed. Each export is recorded with its content hash (also sent as
 * {@code X-Content-Hash}), so two exports of the same data can be compared.
 */
@io.quarkus.security.Authenticated
@Path("/api/reports/verified-claims")
public class ReportApi {

    /** A PDF is for reading: it lists at most this many claims and says so; CSV and JSON carry them all. */
    static final int PDF_LIMIT = 2000;

    @Inject
    ReportService reports;

    @Inject
    ObjectMapper mapper;

    @Inject
    QuotecheckConfig config;

    @Inject
    SecurityIdentity identity;

    @GET
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The approved claims in the chosen format",
            content = {
                @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                        schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT),
                        example = "{\"count\": 1, \"contentHash\":"
                        + " \"9f2c…\", \"claims\": [{\"id\": 81, \"type\": \"DIRECT_QUOTE\", \"text\": \"We had a very"
                        + " enjoyable conversation.\", \"speaker\": \"Sanae Takaichi\", \"rating\": \"ACCURATE\"}]}"),
                @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", example = "claim_id,article_id,...\n81,12,..."),
                @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/ld+json", example = "[{\"@context\": \"https://schema.org\","
                        + " \"@type\": \"ClaimReview\"}]"),
                @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/pdf", example = "%PDF-1.7 …")})
    @io.micrometer.core.annotation.Timed(value = "quotecheck.exports", description = "Verified-claims exports (until the"
            + " first byte; the body is streamed after)")
    public Response export(@RestQuery String format, @RestQuery Long articleId, @RestQuery String outlet,
                           @RestQuery String from, @RestQuery String to, @RestQuery String rating, @RestQuery String type,
                           @RestQuery String speaker,
                           @RestQuery String dateBy) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip().toLowerCase();
        if (!chosen.equals("json") && !chosen.equals("csv") && !chosen.equals("claimreview") && !chosen.equals("pdf")) {
            throw new InvalidInputException("format", "Use format=json, csv, claimreview or pdf.");
        }
        ReportFilter filter = ReportFilter.parse(articleId, outlet, from, to, rating, type, speaker, dateBy);
        ReportService.Summary summary = reports.summary(filter);
        reports.recordExport(identity.getPrincipal().getName(), chosen, filter, summary);
        OffsetDateTime now = OffsetDateTime.now();
        Exports.Context context = new Exports.Context(config.newsroom().name(), config.newsroom().url(),
                config.newsroom().factCheckUrl().orElse(null), filter, summary, now);
        StreamingOutput body = switch (chosen) {
            case "pdf" -> out -> Exports.pdf(ReportPages.pdfHtml(filter, summary, reports.first(filter, PDF_LIMIT),
                    context.newsroomName(), now), out);
            case "csv" -> out -> Exports.csv(reports::stream, context, out);
            case "claimreview" -> out -> Exports.claimReview(reports::stream, mapper, context, out);
            default -> out -> Exports.json(reports::stream, mapper, context, out);
        };
        String extension = switch (chosen) {
            case "csv" -> "csv";
            case "pdf" -> "pdf";
            default -> "json";
        };
        String type2 = switch (chosen) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "pdf" -> "application/pdf";
            case "claimreview" -> "application/ld+json";
            default -> "application/json";
        };
        String slug = filter.slug();
        String name = "verified-claims-" + (slug.isEmpty() ? "" : slug + "-") + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
                + (chosen.equals("claimreview") ? "-claimreview" : "") + "." + extension;
        return Response.ok(body).type(type2).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Hash", summary.contentHash()).header("X-Claim-Count", summary.count()).build();
    }
}
