package org.quotecheck.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.config.QuotecheckConfig;
import org.quotecheck.review.workflow.Rating;
import org.quotecheck.web.BarChart;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.ProblemException;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verified-claims report page: filters, a summary chart, the claims, and download buttons for every export. */
@io.quarkus.security.Authenticated
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @Inject
    ReportService reports;

    @Inject
    QuotecheckConfig config;

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance report(ReportFilter filter, ReportService.Summary summary, BarChart ratingChart,
                                              BarChart stateChart, List<ReportRow> rows, String query, String newsroom,
                                              OffsetDateTime generatedAt, FormErrors errors, ReportForm form);

        static native TemplateInstance pdf(ReportFilter filter, ReportService.Summary summary, BarChart ratingChart,
                                           List<ReportRow> rows, String newsroom, OffsetDateTime generatedAt, boolean truncated);
    }

    /** The filter form as the user filled it in, given back as typed (also when it is not valid). */
    public record ReportForm(String articleId, String outlet, String from, String to, String rating, String type,
                             String speaker, String dateBy) {
        static String text(Object value) {
            return value == null ? "" : value.toString().strip();
        }
    }

    @GET
    public Response report(@RestQuery Long articleId, @RestQuery String outlet, @RestQuery String from, @RestQuery String to,
                           @RestQuery String rating, @RestQuery String type, @RestQuery String speaker, @RestQuery String dateBy,
                           UriInfo uri) {
        ReportFilter filter;
        FormErrors errors = FormErrors.NONE;
        ReportForm form = new ReportForm(ReportForm.text(articleId), ReportForm.text(outlet), ReportForm.text(from),
                ReportForm.text(to), ReportForm.text(rating), ReportForm.text(type), ReportForm.text(speaker), ReportForm.text(dateBy));
        try {
            filter = ReportFilter.parse(articleId, outlet, from, to, rating, type, speaker, dateBy);
        } catch (ProblemException problem) {
            // The dates stay as entered, next to their errors; nothing is listed or exported until the filter is fixed.
            errors = FormErrors.of(problem);
            filter = new ReportFilter(null, null, null, null, null, null, null);
        }
        ReportService.Summary summary = reports.summary(filter);
        Map<String, Long> perState = reports.perState();
        Map<String, String> stateLabels = new LinkedHashMap<>();
        perState.keySet().forEach(k -> stateLabels.put(k, k.replace('_', ' ').toLowerCase()));
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(errors.isEmpty() ? 200 : 422).entity(Templates.report(filter, summary,
                ratingChart(summary), BarChart.of("All claims per state", perState, stateLabels),
                errors.isEmpty() ? reports.first(filter, 200) : List.of(), query == null ? "" : query, config.newsroom().name(),
                OffsetDateTime.now(), errors, form)).build();
    }

    /** The rating chart of a summary, as both the page and the PDF show it. */
    static BarChart ratingChart(ReportService.Summary summary) {
        Map<String, Long> perRating = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            perRating.put(r.name(), summary.perRating().getOrDefault(r.name(), 0L));
            labels.put(r.name(), r.label());
        }
        return BarChart.of("Approved claims per rating", perRating, labels);
    }

    /** The report as HTML for the PDF renderer: the same data and filters as the page. */
    static String pdfHtml(ReportFilter filter, ReportService.Summary summary, List<ReportRow> rows, String newsroom,
                          OffsetDateTime generatedAt) {
        return Templates.pdf(filter, summary, ratingChart(summary), rows, newsroom, generatedAt, summary.count() > rows.size()).render();
    }

    public static List<Rating> ratingList() {
        return Arrays.asList(Rating.values());
    }
}
