package org.quotecheck.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The 503 page gives a sent form back: typed text shown and escaped, tokens hidden, passwords and files never echoed. */
class OutagePageTest {

    @Test
    void aUrlEncodedFormComesBackWithItsTextShownAndItsTokenHidden() {
        String body = "csrf-token=tok%2Bx&version=3&title=Ferry+%3Cscript%3Ealert(1)%3C%2Fscript%3E&body=%E2%80%9CWe+will+not%E2%80%9D&password=hunter2";
        OutagePage.Typed typed = OutagePage.parse("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        assertThat(typed.fields()).extracting(OutagePage.Field::name).containsExactly("csrf-token", "version", "title", "body");
        String html = OutagePage.html("/articles", "req-12345678", typed);
        assertThat(html).contains("<form method=\"post\" action=\"/articles\" class=\"stack\">")
                .contains("<input type=\"hidden\" name=\"csrf-token\" value=\"tok+x\">")
                .contains("<input type=\"hidden\" name=\"version\" value=\"3\">")
                .contains("Ferry &lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
                .contains("“We will not”</textarea>")
                .contains("Your form was not saved")
                .contains("req-12345678")
                .doesNotContain("<script>").doesNotContain("hunter2");
    }

    @Test
    void aMultipartFormKeepsItsTextAndAsksForItsFileAgain() {
        String boundary = "----qc";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nCouncil transcript\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"minutes.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 bytes\r\n--" + boundary + "--\r\n";
        OutagePage.Typed typed = OutagePage.parse("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(typed.multipart()).isTrue();
        assertThat(typed.files()).containsExactly(new OutagePage.Field("file", "minutes.pdf"));
        String html = OutagePage.html("/sources", "r", typed);
        assertThat(html).contains("enctype=\"multipart/form-data\"").contains("Council transcript</textarea>")
                .contains("Choose the file again (minutes.pdf)").doesNotContain("%PDF");
    }

    @Test
    void anUnreadableBodyOrAPageThatWasOnlyReadGivesThePlainPage() {
        OutagePage.Typed broken = OutagePage.parse("multipart/form-data; boundary=x", "not multipart at all".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.fields()).isEmpty();
        assertThat(OutagePage.html("/articles", "r", OutagePage.Typed.NOTHING)).contains("briefly unavailable")
                .contains("Back button").doesNotContain("<form");
    }

    @Test
    void theFormIsSentBackToThisSiteOnly() {
        OutagePage.Typed typed = OutagePage.parse("application/x-www-form-urlencoded", "title=Ferry".getBytes(StandardCharsets.UTF_8));
        assertThat(OutagePage.html("//evil.example/steal", "r", typed)).contains("action=\"/evil.example/steal\"")
                .doesNotContain("action=\"//");
        assertThat(OutagePage.html("/\\evil.example", "r", typed)).contains("action=\"/evil.example\"");
    }

    @Test
    void aFormAlreadyReadByTheWebLayerComesBackTheSameWay() {
        java.util.Map<String, java.util.List<OutagePage.Value>> form = new java.util.LinkedHashMap<>();
        form.put("csrf-token", java.util.List.of(new OutagePage.Value("tok", null)));
        form.put("title", java.util.List.of(new OutagePage.Value("Harbour plans", null)));
        form.put("new-password", java.util.List.of(new OutagePage.Value("hunter2", null)));
        form.put("file", java.util.List.of(new OutagePage.Value(null, "minutes.pdf")));
        OutagePage.Typed typed = OutagePage.of(form.keySet(), form::get, true);
        assertThat(typed.fields()).extracting(OutagePage.Field::name).containsExactly("csrf-token", "title");
        assertThat(typed.files()).containsExactly(new OutagePage.Field("file", "minutes.pdf"));
        assertThat(OutagePage.html("/sources", "r", typed)).contains("Harbour plans</textarea>").doesNotContain("hunter2")
                .contains("class=\"wrap\"");
    }
}
