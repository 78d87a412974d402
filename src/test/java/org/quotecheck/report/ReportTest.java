package org.quotecheck.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ReportTest {

    @Inject
    TestUsers users;

    @Inject
    EntityManager entityManager;

    /** An approved claim with evidence, in an article of its own outlet; returns the claim id. */
    private int approvedClaim(TestUser editor, String outlet, String words, String rating) {
        return approvedClaim(editor, outlet, "Prime Minister Sanae Takaichi said, “", words, rating);
    }

    private int approvedClaim(TestUser editor, String outlet, String lead, String words, String rating) {
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Report " + words, "outlet", outlet,
                        "url", "https://news.example/" + UUID.randomUUID(), "publishedAt", "2025-10-30",
                        "body", lead + words + "”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        act(editor, claim, Map.of("action", "TAKE"));
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Doorstep transcript", "type", "TRANSCRIPT",
                        "url", "https://gov.example/doorstep", "text", "TAKAICHI: " + words))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201);
        act(editor, claim, Map.of("action", "SUBMIT", "rating", rating, "note", "Word for word in the transcript, \"quoted\"; fine."));
        act(users.reviewer(), claim, Map.of("action", "APPROVE"));
        return claim;
    }

    private static void act(TestUser user, int claim, Map<String, Object> body) {
        int version = user.api().get("/api/claims/" + claim).then().extract().path("version");
        Map<String, Object> withVersion = new java.util.HashMap<>(body);
        withVersion.put("version", version);
        user.api().contentType(ContentType.JSON).body(withVersion).post("/api/claims/" + claim + "/transitions").then().statusCode(200);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() throws IOException {
        TestUser editor = users.editor();
        String outlet = "Outlet " + UUID.randomUUID();
        String formula = "=HYPERLINK(\"http://evil.example/steal\",\"Click for the source\")";
        approvedClaim(editor, outlet, formula, "ACCURATE");
        Response csv = editor.api().queryParam("format", "csv").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString().substring(1))).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("text")).isEqualTo("'" + formula);
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as("no cell may start a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        // JSON is data, not a spreadsheet: the text stays as written.
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims")
                .then().body("claims[0].text", org.hamcrest.Matchers.equalTo(formula));
        assertThat(Exports.cell("-5 percent")).isEqualTo("'-5 percent");
        assertThat(Exports.cell("@handle")).isEqualTo("'@handle");
        assertThat(Exports.cell("plain")).isEqualTo("plain");
    }

    @Test
    void anApprovedClaimWhoseWordsLeftTheArticleIsFlaggedInEveryExport() throws IOException {
        TestUser editor = users.editor();
        String outlet = "Outlet " + UUID.randomUUID();
        int claim = approvedClaim(editor, outlet, "The ferry is free for children.", "ACCURATE");
        int article = editor.api().get("/api/claims/" + claim).then().extract().path("articleId");
        org.quotecheck.support.BrowserSession page = editor.signIn();
        String form = page.get("/articles/" + article + "/edit").asString();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).isTrue();
        page.postForm("/articles/" + article + "/edit", "/articles/" + article, Map.of("title", "Report edited",
                "outlet", outlet, "body", "Prime Minister Sanae Takaichi spoke about ferries.", "version", version.group(1)))
                .then().statusCode(303);
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims")
                .then().body("claims[0].id", org.hamcrest.Matchers.equalTo(claim))
                .body("claims[0].textMissing", org.hamcrest.Matchers.equalTo(true));
        Response csv = editor.api().queryParam("format", "csv").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        CSVRecord record = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString().substring(1))).getRecords().get(0);
        assertThat(record.get("text_missing")).isEqualTo("true");
        assertThat(page.request().queryParam("outlet", outlet).get("/reports").asString()).contains("no longer in it");
    }

    @Test
    void wordsGivenFromSomeonesSummaryAreMarkedAsSuchOnTheClaimPageAndInTheReport() {
        TestUser editor = users.editor();
        String outlet = "Summary " + UUID.randomUUID();
        int claim = approvedClaim(editor, outlet, "President Lee Jae Myung opened the talks. According to a summary of Lee Jae"
                + " Myung’s speech provided by his office, he said: “", "We must strengthen our cooperation for the future.", "ACCURATE");
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims").then()
                .statusCode(200).body("claims[0].speaker", equalTo("Lee Jae Myung (summary by his office)"));
        assertThat(editor.signIn().get("/claims/" + claim).asString()).contains("As the article attributes it: summary by his office")
                .contains("not the speaker's own words");
    }

    @Test
    void csvParsesBackToTheApprovedClaims() throws IOException {
        TestUser editor = users.editor();
        String outlet = "Outlet " + UUID.randomUUID();
        int claim = approvedClaim(editor, outlet, "We had a very enjoyable conversation, with ‘quotes’ and, commas.", "ACCURATE");
        Response csv = editor.api().queryParam("format", "csv").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        csv.then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString(".csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(Exports.CSV_COLUMNS);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            CSVRecord row = records.get(0);
            assertThat(row.get("claim_id")).isEqualTo(String.valueOf(claim));
            assertThat(row.get("text")).isEqualTo("We had a very enjoyable conversation, with ‘quotes’ and, commas.");
            assertThat(row.get("speaker")).isEqualTo("Sanae Takaichi");
            assertThat(row.get("rating")).isEqualTo("ACCURATE");
            assertThat(row.get("rating_label")).isEqualTo("Accurate");
            assertThat(row.get("rationale")).isEqualTo("Word for word in the transcript, \"quoted\"; fine.");
            assertThat(row.get("submitted_by")).isEqualTo(editor.username());
            assertThat(row.get("approved_by")).startsWith("t-reviewer-");
            assertThat(row.get("source_title")).isEqualTo("Doorstep transcript");
            assertThat(row.get("evidence_classification")).isEqualTo("VERBATIM");
            assertThat(row.get("outlet")).isEqualTo(outlet);
        }
    }

    @Test
    void claimReviewIsValidJsonLdFieldByField() {
        TestUser editor = users.editor();
        String outlet = "CR " + UUID.randomUUID();
        int claim = approvedClaim(editor, outlet, "The meeting lasted 45 minutes.", "MOSTLY_ACCURATE");
        JsonPath ld = editor.api().queryParam("format", "claimreview").queryParam("outlet", outlet)
                .get("/api/reports/verified-claims").then().statusCode(200).contentType(containsString("application/ld+json"))
                .extract().jsonPath();
        assertThat(ld.getString("'@context'")).isEqualTo("https://schema.org");
        Map<String, Object> review = ld.getMap("'@graph'[0]");
        assertThat(review.get("@type")).isEqualTo("ClaimReview");
        assertThat((String) review.get("url")).endsWith("#claim-" + claim);
        assertThat(review.get("claimReviewed")).isEqualTo("The meeting lasted 45 minutes.");
        assertThat(review.get("datePublished")).isEqualTo(LocalDate.now().toString());
        assertThat(ld.getString("'@graph'[0].author.'@type'")).isEqualTo("Organization");
        assertThat(ld.getString("'@graph'[0].author.name")).isNotBlank();
        assertThat(ld.getString("'@graph'[0].reviewRating.'@type'")).isEqualTo("Rating");
        assertThat(ld.getString("'@graph'[0].reviewRating.alternateName")).isEqualTo("Mostly accurate");
        assertThat(ld.getInt("'@graph'[0].reviewRating.ratingValue")).isEqualTo(4);
        assertThat(ld.getInt("'@graph'[0].reviewRating.bestRating")).isEqualTo(5);
        assertThat(ld.getInt("'@graph'[0].reviewRating.worstRating")).isEqualTo(1);
        assertThat(ld.getString("'@graph'[0].reviewRating.ratingExplanation")).startsWith("Word for word");
        assertThat(ld.getString("'@graph'[0].itemReviewed.'@type'")).isEqualTo("Claim");
        assertThat(ld.getString("'@graph'[0].itemReviewed.author.'@type'")).isEqualTo("Person");
        assertThat(ld.getString("'@graph'[0].itemReviewed.author.name")).isEqualTo("Sanae Takaichi");
        assertThat(ld.getString("'@graph'[0].itemReviewed.datePublished")).isEqualTo("2025-10-30");
        assertThat(ld.getString("'@graph'[0].itemReviewed.appearance.url")).startsWith("https://news.example/");
        assertThat(ld.getString("'@graph'[0].itemReviewed.firstAppearance.url"))
                .isEqualTo(ld.getString("'@graph'[0].itemReviewed.appearance.url"));
        assertThat(ld.getString("'@graph'[0].citation.url")).isEqualTo("https://gov.example/doorstep");
        assertThat(ld.getString("'@graph'[0].itemReviewed.text")).isEqualTo("The meeting lasted 45 minutes.");
    }

    /**
     * A misquote (the article changed a number) and a partial quote, exported as ClaimReview and checked against
     * schema.org (every property belongs to its type) and Google's fact-check structured data (required and
     * recommended fields), plus what must be true of a misquote: the claim is the article's, the transcript is cited
     * as evidence, the url is public.
     */
    @Test
    void claimReviewOfAMisquoteMeetsSchemaOrgAndGoogle() {
        TestUser editor = users.editor();
        String outlet = "Misquote " + UUID.randomUUID();
        String articleUrl = "https://news.example/" + UUID.randomUUID();
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Summit talks", "outlet", outlet,
                        "url", articleUrl, "publishedAt", "2025-10-30", "body", "Prime Minister Sanae Takaichi said, "
                                + "“The meeting lasted 45 minutes.” She called the talks “pleasant” in remarks to reporters afterwards."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int misquote = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        int partial = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'PARTIAL_QUOTE' }.id");
        int source = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Takaichi doorstep transcript",
                        "type", "TRANSCRIPT", "url", "https://gov.example/doorstep-" + article,
                        "text", "TAKAICHI: The meeting lasted 30 minutes. The talks were pleasant and frank."))
                .post("/api/sources").then().statusCode(201).extract().path("id");
        for (int claim : List.of(misquote, partial)) {
            act(editor, claim, Map.of("action", "TAKE"));
            editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                    .then().statusCode(201);
        }
        act(editor, misquote, Map.of("action", "SUBMIT", "rating", "INACCURATE", "note", "The transcript says 30 minutes."));
        act(editor, partial, Map.of("action", "SUBMIT", "rating", "ACCURATE", "note", "She said pleasant."));
        act(users.reviewer(), misquote, Map.of("action", "APPROVE"));
        act(users.reviewer(), partial, Map.of("action", "APPROVE"));

        JsonPath ld = editor.api().queryParam("format", "claimreview").queryParam("outlet", outlet)
                .get("/api/reports/verified-claims").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> reviews = ld.getList("'@graph'");
        assertThat(reviews).hasSize(2);
        for (Map<String, Object> review : reviews) {
            assertThat(SchemaOrg.violations("ClaimReview", review)).as("schema.org").isEmpty();
            assertThat(SchemaOrg.googleFactCheckProblems(review)).as("Google fact-check structured data").isEmpty();
            Map<?, ?> item = (Map<?, ?>) review.get("itemReviewed");
            assertThat(((Map<?, ?>) item.get("firstAppearance")).get("url")).as("the claim appeared first in the article").isEqualTo(articleUrl);
            assertThat(((Map<?, ?>) item.get("appearance")).get("url")).isEqualTo(articleUrl);
            assertThat(((Map<?, ?>) review.get("citation")).get("url")).as("the transcript is evidence")
                    .isEqualTo("https://gov.example/doorstep-" + article);
            assertThat((String) review.get("url")).as("a public page, not one behind a login").startsWith(articleUrl + "#claim-")
                    .doesNotContain(RestAssured.baseURI);
        }
        Map<String, Object> misquoted = reviews.stream().filter(r -> ((String) r.get("url")).endsWith("#claim-" + misquote)).findFirst().orElseThrow();
        assertThat(misquoted.get("claimReviewed")).isEqualTo("The meeting lasted 45 minutes.");
        assertThat(((Map<?, ?>) misquoted.get("reviewRating")).get("alternateName")).isEqualTo("Inaccurate");
        Map<String, Object> partialReview = reviews.stream().filter(r -> ((String) r.get("url")).endsWith("#claim-" + partial)).findFirst().orElseThrow();
        assertThat(partialReview.get("claimReviewed")).as("a partial quote carries its sentence")
                .isEqualTo("She called the talks “pleasant” in remarks to reporters afterwards.");
        // An article without a public address has no public fact-check page: it is left out of ClaimReview.
        String hidden = "Unpublished " + UUID.randomUUID();
        int unpublished = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Draft", "outlet", hidden,
                "body", "Prime Minister Sanae Takaichi said, “The meeting lasted 45 minutes.”")).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        int draftClaim = editor.api().get("/api/articles/" + unpublished + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        act(editor, draftClaim, Map.of("action", "TAKE"));
        act(editor, draftClaim, Map.of("action", "SUBMIT", "rating", "UNVERIFIABLE", "note", "No recording.", "noSourceFound", true));
        act(users.reviewer(), draftClaim, Map.of("action", "APPROVE"));
        assertThat(editor.api().queryParam("format", "claimreview").queryParam("outlet", hidden).get("/api/reports/verified-claims")
                .then().statusCode(200).extract().jsonPath().getList("'@graph'")).isEmpty();
    }

    @Test
    void filtersBehaveAlikeABadRangeExportsNothingAndFileNamesCarryTheFilter() {
        TestUser editor = users.editor();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String outlet = "Harbour Gazette " + tag;
        int older = approvedClaim(editor, outlet, "The first ferry sails at noon.", "MOSTLY_ACCURATE");
        int newer = approvedClaim(editor, outlet, "The second ferry sails at one.", "MOSTLY_ACCURATE");
        // Part of the outlet's name, in other case, like the speaker.
        String part = "harbour GAZETTE " + tag.toUpperCase();
        editor.api().queryParam("format", "json").queryParam("outlet", part).queryParam("speaker", "takaichi")
                .get("/api/reports/verified-claims").then().statusCode(200).body("count", equalTo(2))
                .body("claims.id", equalTo(List.of(newer, older)));
        editor.api().queryParam("format", "json").queryParam("outlet", "%").queryParam("speaker", tag)
                .get("/api/reports/verified-claims").then().body("count", equalTo(0));
        Response csv = editor.api().queryParam("format", "csv").queryParam("outlet", part).queryParam("rating", "MOSTLY_ACCURATE")
                .get("/api/reports/verified-claims");
        assertThat(csv.header("Content-Disposition")).contains("verified-claims-mostly-accurate-harbour-gazette-" + tag);
        assertThat(csv.asString()).containsSubsequence(String.valueOf(newer), String.valueOf(older));

        org.quotecheck.support.BrowserSession page = editor.signIn();
        String report = page.request().queryParam("outlet", part).queryParam("rating", "MOSTLY_ACCURATE").get("/reports").asString();
        assertThat(report).contains("Rating: Mostly accurate").contains("Outlet: " + part)
                .containsSubsequence("The second ferry sails at one.", "The first ferry sails at noon.");
        Response bad = page.request().queryParam("outlet", part).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .get("/reports");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("value=\"2026-05-01\"").contains("value=\"2026-04-01\"")
                .contains("The end date is before the start date").doesNotContain("format=csv").doesNotContain("The first ferry");
    }

    @Test
    void jsonCarriesAStableContentHashAndEveryExportIsAudited() {
        TestUser editor = users.editor();
        String outlet = "Hash " + UUID.randomUUID();
        approvedClaim(editor, outlet, "First approved claim.", "ACCURATE");
        Response first = editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        Response again = editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        first.then().statusCode(200).body("count", equalTo(1)).body("claims[0].signOff.submittedBy", equalTo(editor.username()))
                .body("claims[0].evidence.sourceTitle", equalTo("Doorstep transcript"));
        assertThat(first.header("X-Content-Hash")).isEqualTo(again.header("X-Content-Hash"))
                .isEqualTo(first.jsonPath().getString("contentHash"));
        approvedClaim(editor, outlet, "Second approved claim.", "INACCURATE");
        Response changed = editor.api().queryParam("format", "json").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        assertThat(changed.header("X-Content-Hash")).isNotEqualTo(first.header("X-Content-Hash"));
        changed.then().body("count", equalTo(2));
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).queryParam("rating", "INACCURATE")
                .get("/api/reports/verified-claims").then().body("count", equalTo(1)).body("claims[0].rating", equalTo("INACCURATE"));
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).queryParam("from", "2001-01-01").queryParam("to", "2001-12-31")
                .get("/api/reports/verified-claims").then().body("count", equalTo(0));
        assertThat(exportsBy(editor.username())).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tamper("delete from report_export"))
                .hasStackTraceContaining("permission denied");
    }

    @Transactional
    void tamper(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }

    @Transactional
    long exportsBy(String username) {
        return ((Number) entityManager.createNativeQuery("select count(*) from report_export e join app_user u on u.id = e.actor_id"
                + " where u.username = ?").setParameter(1, username).getSingleResult()).longValue();
    }

    @Test
    void badFiltersAndFormatsAreClearErrors() {
        TestUser editor = users.editor();
        editor.api().queryParam("format", "xml").get("/api/reports/verified-claims").then().statusCode(422)
                .body("errors[0].field", equalTo("format"));
        editor.api().queryParam("from", "yesterday").get("/api/reports/verified-claims").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        editor.api().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/reports/verified-claims")
                .then().statusCode(422).body("errors[0].field", equalTo("to"));
    }

    @Test
    void reportPageShowsTheChartTheClaimsAndTheDownloads() {
        TestUser editor = users.editor();
        String outlet = "Page " + UUID.randomUUID();
        approvedClaim(editor, outlet, "A claim for the report page.", "MISLEADING");
        String page = editor.signIn().request().queryParam("outlet", outlet).get("/reports").asString();
        assertThat(page).contains("<svg").contains("class=\"bar-misleading\"").contains("A claim for the report page.")
                .contains("format=csv").contains("format=claimreview").contains("Misleading");
    }

    @Test
    void dashboardIsTheStartPageWithQueueChartsAndWork() {
        TestUser editor = users.editor();
        approvedClaim(editor, "Dash " + UUID.randomUUID(), "A claim for the dashboard.", "ACCURATE");
        var session = editor.signIn();
        assertThat(session.request().get("/").header("Location")).endsWith("/dashboard");
        String page = session.get("/dashboard").asString();
        assertThat(page).contains("claims waiting for review").contains("Approvals per day, last 30 days")
                .contains("<svg").contains(editor.username()).contains("Articles with unchecked claims");
    }

    @Test
    void pdfIsTheReportWithNewsroomFiltersAndClaims() throws IOException {
        TestUser editor = users.editor();
        String outlet = "PDF " + UUID.randomUUID();
        approvedClaim(editor, outlet, "The summit lasted 45 minutes.", "INACCURATE");
        Response pdf = editor.api().queryParam("format", "pdf").queryParam("outlet", outlet).get("/api/reports/verified-claims");
        pdf.then().statusCode(200).contentType("application/pdf").header("Content-Disposition", containsString(".pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Verified claims").contains("Quotecheck newsroom").contains("Outlet: " + outlet)
                    .contains("The summit lasted 45 minutes.").contains("Sanae Takaichi").contains("inaccurate")
                    .contains("Word for word in the transcript").contains("generated");
        }
    }

    @Test
    void reportsCarryCriticalDifferencesCaptionTimesAndFilterByArticleDate() throws IOException {
        TestUser editor = users.editor();
        String outlet = "Captions " + UUID.randomUUID();
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Captions report", "outlet", outlet,
                        "publishedAt", "2024-05-01", "body", "Prime Minister Sanae Takaichi said, “The meeting lasted 90 minutes.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        act(editor, claim, Map.of("action", "TAKE"));
        var pages = editor.signIn();
        String token = pages.csrfToken("/sources/new");
        String srt = "1\n00:00:01,000 --> 00:00:03,000\nGood evening.\n\n2\n00:02:05,000 --> 00:02:09,000\nThe meeting lasted 45 minutes.\n";
        String location = pages.request().multiPart("csrf-token", token).multiPart("title", "Press video").multiPart("type", "CAPTIONS")
                .multiPart("text", "").multiPart("file", "video.srt", srt.getBytes(StandardCharsets.UTF_8), "application/x-subrip")
                .post("/sources").then().statusCode(303).extract().header("Location");
        long source = Long.parseLong(location.replaceAll(".*/sources/(\\d+).*", "$1"));
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", source)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).body("classification", equalTo("ALTERED"));
        act(editor, claim, Map.of("action", "SUBMIT", "rating", "INACCURATE", "note", "The video says 45 minutes."));
        act(users.reviewer(), claim, Map.of("action", "APPROVE"));

        String text = editor.api().queryParam("format", "csv").queryParam("outlet", outlet).get("/api/reports/verified-claims").asString();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord row = parser.getRecords().get(0);
            assertThat(row.get("evidence_critical_differences")).contains("number changed").contains("90").contains("45");
            assertThat(row.get("evidence_timestamp")).isEqualTo("00:02:05");
        }
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).queryParam("dateBy", "article")
                .queryParam("from", "2024-05-01").queryParam("to", "2024-05-01").get("/api/reports/verified-claims")
                .then().body("count", equalTo(1));
        editor.api().queryParam("format", "json").queryParam("outlet", outlet).queryParam("dateBy", "article")
                .queryParam("from", "2024-05-02").get("/api/reports/verified-claims").then().body("count", equalTo(0));
        editor.api().queryParam("dateBy", "publication").get("/api/reports/verified-claims").then().statusCode(422);
    }
}
