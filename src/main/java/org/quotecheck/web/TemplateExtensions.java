package org.quotecheck.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** For query strings in links: {@code {q.urlEncode}}. */
    public static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
