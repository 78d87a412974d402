package org.quotecheck.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.BrowserSession;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SourceAndEvidenceTest {

    private static final String TRANSCRIPT = "PRIME MINISTER: The meeting was initially scheduled for 20 minutes, but it "
            + "ended up lasting 45 minutes, and we had a very pleasant exchange of views.";

    @Inject
    TestUsers users;

    private static Map<String, Object> source(String title, String text) {
        Map<String, Object> json = new HashMap<>();
        json.put("title", title);
        json.put("type", "TRANSCRIPT");
        json.put("text", text);
        return json;
    }

    private static int createSource(TestUser editor, String title, String text) {
        return editor.api().contentType(ContentType.JSON).body(source(title, text)).post("/api/sources")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void sourcesAreCreatedAndFoundByFullTextSearch() {
        TestUser editor = users.editor();
        String word = "zqx" + UUID.randomUUID().toString().substring(0, 6);
        int id = createSource(editor, "Doorstep " + word, TRANSCRIPT + " Flamingos " + word + "ing everywhere.");
        editor.api().get("/api/sources/" + id).then().statusCode(200).body("currentVersion", equalTo(1))
                .body("text", containsString("45 minutes")).body("contentHash.length()", equalTo(64));
        editor.api().queryParam("q", "flamingo").get("/api/sources").then().statusCode(200)
                .body("items.id", hasItem(id)).body("total", greaterThanOrEqualTo(1));
        editor.api().queryParam("q", "doorstep " + word).get("/api/sources").then().body("items.id", hasItem(id));
    }

    @Test
    void badSourcesGetClearAnswersAndNothingIsStored() {
        TestUser editor = users.editor();
        Map<String, Object> json = source("", " ");
        json.put("type", "RUMOUR");
        editor.api().contentType(ContentType.JSON).body(json).post("/api/sources").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "type", "text"));
        editor.api().contentType(ContentType.JSON).body(source("Huge", "a".repeat(SourceInput.MAX_TEXT_BYTES + 1)))
                .post("/api/sources").then().statusCode(413).contentType("application/problem+json");
        users.reviewer().api().contentType(ContentType.JSON).body(source("T", "text")).post("/api/sources").then().statusCode(403);
    }

    @Test
    void verifyAnswersTheCheckResultAndRefusesEmptyInput() {
        TestUser reviewer = users.reviewer();
        reviewer.api().contentType(ContentType.JSON)
                .body(Map.of("quote", "it was initially scheduled for 20 minutes but ended up lasting 90 minutes", "sourceText", TRANSCRIPT))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("ALTERED"))
                .body("passage.text", containsString("initially scheduled for 20 minutes"))
                .body("differences.find { it.critical }.reason", equalTo("number changed"))
                .body("numbers.find { !it.match }.quoteText", equalTo("90 minutes"));
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "Nothing like this appears.", "sourceText", TRANSCRIPT))
                .post("/api/verify").then().statusCode(200).body("classification", equalTo("NOT_FOUND")).body("passage", nullValue());
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", " ", "sourceText", TRANSCRIPT))
                .post("/api/verify").then().statusCode(422).body("errors[0].field", equalTo("quote"));
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "x", "sourceText", ""))
                .post("/api/verify").then().statusCode(422).body("errors[0].field", equalTo("sourceText"));
        reviewer.api().contentType(ContentType.JSON).body(Map.of("quote", "x", "sourceText", "b".repeat(SourceInput.MAX_TEXT_BYTES + 1)))
                .post("/api/verify").then().statusCode(413);
    }

    @Test
    void evidenceRecordsTheVersionCheckedAndSurvivesACorrection() {
        TestUser editor = users.editor();
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Summit",
                        "body", "Prime Minister Sanae Takaichi told reporters that it was initially scheduled for 20 minutes but ended up lasting 45 minutes."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract()
                .path("find { it.type == 'INDIRECT_QUOTE' }.id");
        int sourceId = createSource(editor, "Doorstep", TRANSCRIPT);
        String firstHash = editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", sourceId, "note", "Matches the transcript"))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201)
                .body("classification", org.hamcrest.Matchers.oneOf("PARAPHRASE", "MINOR_DIFFERENCES"))
                .body("sourceVersion", equalTo(1)).body("exact", containsString("20 minutes"))
                .body("passageStart", equalTo(0)).body("exact", containsString("45 minutes")).extract().path("contentHash");

        BrowserSession pages = editor.signIn();
        String token = pages.csrfToken("/sources/" + sourceId);
        pages.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("text", TRANSCRIPT.replace("20 minutes", "thirty minutes")).post("/sources/" + sourceId + "/versions")
                .then().statusCode(303);
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", sourceId)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).body("classification", equalTo("ALTERED")).body("sourceVersion", equalTo(2));
        editor.api().get("/api/claims/" + claim).then().statusCode(200).body("evidence", hasSize(2))
                .body("evidence[0].contentHash", equalTo(firstHash)).body("evidence[0].sourceVersion", equalTo(1))
                .body("evidence[1].sourceVersion", equalTo(2));
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", 987654321)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(404);
        users.reviewer().api().contentType(ContentType.JSON).body(Map.of("sourceId", sourceId)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(403);
    }

    @Test
    void checkPageShowsTheDifferencesSideBySideAndSavesEvidence() {
        TestUser editor = users.editor();
        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Check page",
                        "body", "Takaichi said, “The meeting lasted 90 minutes.”"))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract()
                .path("find { it.type == 'DIRECT_QUOTE' }.id");
        int sourceId = createSource(editor, "Doorstep for the page", "The meeting lasted 45 minutes.");
        BrowserSession pages = editor.signIn();
        String picker = pages.get("/articles/" + article + "/claims/" + claim + "/check").asString();
        assertThat(picker).contains("Choose a source");
        Response checked = pages.get("/articles/" + article + "/claims/" + claim + "/check?sourceId=" + sourceId);
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.asString()).contains("altered").contains("<mark class=\"diff-replaced critical\"")
                .contains("number changed").contains("Save as evidence");
        String token = pages.csrfToken("/articles/" + article + "/claims/" + claim + "/check?sourceId=" + sourceId);
        Response saved = pages.request().contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("sourceId", sourceId).formParam("note", "Number is wrong <b>here</b>")
                .post("/articles/" + article + "/claims/" + claim + "/evidence");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(pages.get(saved.header("Location").replaceAll("#.*", "")).asString()).contains("Evidence saved.").contains("Doorstep for the page")
                .contains("Number is wrong &lt;b&gt;here&lt;/b&gt;");
    }

    @Test
    void captionsKeepTheirTimingsAndPdfTextIsExtracted() throws IOException {
        TestUser editor = users.editor();
        BrowserSession pages = editor.signIn();
        String token = pages.csrfToken("/sources/new");
        String srt = "1\n00:00:01,000 --> 00:00:04,000\nGood evening.\n\n2\n00:01:02,500 --> 00:01:06,000\n"
                + "The meeting lasted 45 minutes.\n";
        Response captions = pages.request().multiPart("csrf-token", token).multiPart("title", "Press conference video")
                .multiPart("type", "CAPTIONS").multiPart("text", "")
                .multiPart("file", "press.srt", srt.getBytes(StandardCharsets.UTF_8), "application/x-subrip").post("/sources");
        assertThat(captions.statusCode()).isEqualTo(303);
        long captionsId = Long.parseLong(captions.header("Location").replaceAll(".*/sources/(\\d+).*", "$1"));
        editor.api().get("/api/sources/" + captionsId).then().body("text", equalTo("Good evening.\nThe meeting lasted 45 minutes."))
                .body("captions", equalTo(true));

        int article = editor.api().contentType(ContentType.JSON).body(Map.of("title", "Captions",
                "body", "Takaichi said, “The meeting lasted 45 minutes.”")).post("/api/articles").then().extract().path("id");
        int claim = editor.api().get("/api/articles/" + article + "/claims").then().extract().path("find { it.type == 'DIRECT_QUOTE' }.id");
        editor.api().contentType(ContentType.JSON).body(Map.of("sourceId", captionsId)).post("/api/claims/" + claim + "/evidence")
                .then().statusCode(201).body("classification", equalTo("VERBATIM")).body("timestamp", equalTo("00:01:02"));

        Response pdf = pages.request().multiPart("csrf-token", token).multiPart("title", "Readout PDF")
                .multiPart("type", "OFFICIAL_STATEMENT").multiPart("text", "")
                .multiPart("file", "readout.pdf", pdf("The leaders agreed to meet again in 2026."), "application/pdf").post("/sources");
        assertThat(pdf.statusCode()).isEqualTo(303);
        long pdfId = Long.parseLong(pdf.header("Location").replaceAll(".*/sources/(\\d+).*", "$1"));
        editor.api().get("/api/sources/" + pdfId).then().body("text", containsString("agreed to meet again in 2026"));

        Response broken = pages.request().multiPart("csrf-token", token).multiPart("title", "Not a PDF")
                .multiPart("type", "DOCUMENT").multiPart("text", "")
                .multiPart("file", "fake.pdf", "%PDF-1.4 garbage".getBytes(StandardCharsets.UTF_8), "application/pdf").post("/sources");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.asString()).contains("could not be read as a PDF: the file is damaged").doesNotContain("Exception")
                .doesNotContain("Header doesn");
        Response wrongKind = pages.request().multiPart("csrf-token", token).multiPart("title", "Sheet")
                .multiPart("type", "DOCUMENT").multiPart("text", "")
                .multiPart("file", "numbers.xlsx", "a,b".getBytes(StandardCharsets.UTF_8), "application/octet-stream").post("/sources");
        assertThat(wrongKind.statusCode()).isEqualTo(422);
        assertThat(wrongKind.asString()).contains("Upload the source as plain text (.txt), Markdown (.md), a web page (.html),"
                + " a PDF (.pdf) or captions (.vtt, .srt)").doesNotContain("Upload the article");
    }

    private static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
