package org.quotecheck.web;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The page shown when the database is away while a form is sent: it says the form was not saved and gives back what
 * was typed, in a form that sends it again to the same address (with the same form token) once the service is back.
 * Passwords are never echoed; a chosen file cannot be, so the page asks for it again.
 */
public final class OutagePage {

    /** What a sent form held: its text fields, in order, and the names of the files chosen in it. */
    public record Typed(List<Field> fields, List<Field> files, boolean multipart) {
        public static final Typed NOTHING = new Typed(List.of(), List.of(), false);
    }

    /** A field's name and value (for a file: the input's name and the file's name). */
    public record Field(String name, String value) {
    }

    private static final int MAX_FIELDS = 200;
    /** Forms up to this size come back (an article's 2 MB of text with room to spare); larger ones get the plain page. */
    public static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

    private OutagePage() {
    }

    /** Whether a request with this content type is a form whose fields can be given back. */
    public static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /** A form that the web layer has already read (a failure after the request began), as its fields and file names. */
    public static Typed of(Iterable<String> names, java.util.function.Function<String, java.util.Collection<Value>> values,
                           boolean multipart) {
        List<Field> fields = new ArrayList<>();
        List<Field> files = new ArrayList<>();
        for (String name : names) {
            for (Value value : values.apply(name)) {
                if (fields.size() + files.size() >= MAX_FIELDS) {
                    break;
                }
                if (value.fileName() != null) {
                    if (!value.fileName().isEmpty()) {
                        files.add(new Field(name, value.fileName()));
                    }
                } else if (!isSecret(name)) {
                    fields.add(new Field(name, value.text()));
                }
            }
        }
        return new Typed(fields, files, multipart);
    }

    /** One value of a form field: text, or the name of a chosen file. */
    public record Value(String text, String fileName) {
    }

    /** Reads a sent form's fields from its raw body; an unreadable body gives nothing back rather than failing. */
    public static Typed parse(String contentType, byte[] body) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8);
            List<Field> fields = new ArrayList<>();
            List<Field> files = new ArrayList<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (fields.size() + files.size() >= MAX_FIELDS) {
                    break;
                }
                if (data instanceof FileUpload file) {
                    if (file.length() > 0) {
                        files.add(new Field(file.getName(), file.getFilename()));
                    }
                } else if (data instanceof Attribute attribute && !isSecret(attribute.getName())) {
                    fields.add(new Field(attribute.getName(), attribute.getValue()));
                }
            }
            return new Typed(fields, files, contentType.toLowerCase(Locale.ROOT).startsWith("multipart/"));
        } catch (IOException | RuntimeException unreadable) {
            return Typed.NOTHING;
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }

    /** The 503 page; {@code typed} is what the failed request held (nothing for a page that was only being read). */
    public static String html(String path, String requestId, Typed typed) {
        StringBuilder html = new StringBuilder(4096 + typed.fields().stream().mapToInt(f -> f.value().length() * 2).sum());
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Briefly unavailable - Quotecheck</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>")
                .append("<body><main id=\"main\" class=\"wrap\"><h1>Quotecheck is briefly unavailable</h1><p>")
                .append(escape(DatabaseOutage.DETAIL)).append("</p>");
        boolean anything = typed.fields().stream().anyMatch(OutagePage::shown) || !typed.files().isEmpty();
        if (anything) {
            html.append("<p><strong>Your form was not saved.</strong> What you typed is below: send it again when the")
                    .append(" service is back (usually within seconds), or copy it somewhere safe.</p>")
                    .append("<form method=\"post\" action=\"").append(escape(sameSite(path))).append('"')
                    .append(typed.multipart() ? " enctype=\"multipart/form-data\"" : "").append(" class=\"stack\">");
            int n = 0;
            for (Field field : typed.fields()) {
                if (shown(field)) {
                    String id = "kept-" + n++;
                    html.append("<div class=\"field\"><label for=\"").append(id).append("\">").append(escape(label(field.name())))
                            .append("</label><textarea id=\"").append(id).append("\" name=\"").append(escape(field.name()))
                            .append("\" rows=\"").append(Math.min(20, 2 + field.value().length() / 80)).append("\" dir=\"auto\">")
                            .append(escape(field.value())).append("</textarea></div>");
                } else {
                    html.append("<input type=\"hidden\" name=\"").append(escape(field.name())).append("\" value=\"")
                            .append(escape(field.value())).append("\">");
                }
            }
            for (Field file : typed.files()) {
                String id = "kept-" + n++;
                html.append("<div class=\"field\"><label for=\"").append(id).append("\">Choose the file again (")
                        .append(escape(file.value())).append(")</label><input type=\"file\" id=\"").append(id)
                        .append("\" name=\"").append(escape(file.name())).append("\"></div>");
            }
            html.append("<button type=\"submit\" class=\"button primary\">Send again</button></form>");
        } else {
            html.append("<p>Try again in a few seconds, or use your browser's Back button to return to the page you")
                    .append(" were on.</p>");
        }
        html.append("<p class=\"hint\">Request id ").append(escape(String.valueOf(requestId))).append("</p></main></body></html>");
        return html.toString();
    }

    /** The request's own path, never a protocol-relative address ("//elsewhere/..."). */
    static String sameSite(String path) {
        return path == null || path.isEmpty() ? "/" : "/" + path.replaceFirst("^[/\\\\]+", "");
    }

    /** Typed text and choices are shown; tokens, versions and addresses to return to travel along hidden. */
    private static boolean shown(Field field) {
        String name = field.name().toLowerCase(Locale.ROOT);
        if (name.equals("csrf-token") || name.equals("version") || name.equals("back") || name.equals("return")
                || name.equals("action") || name.equals("next")) {
            return false;
        }
        return !field.value().isBlank();
    }

    private static boolean isSecret(String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }

    /** The forms' own words for their fields, where the field's name says less. */
    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("body", "Article text"), java.util.Map.entry("url", "Web address"),
            java.util.Map.entry("publishedAt", "Published"), java.util.Map.entry("text", "Text"),
            java.util.Map.entry("note", "Note"), java.util.Map.entry("rationale", "Rationale"),
            java.util.Map.entry("noSourceFound", "No source found"), java.util.Map.entry("sourceId", "Source"),
            java.util.Map.entry("displayName", "Display name"), java.util.Map.entry("type", "Type"));

    private static String label(String name) {
        String known = LABELS.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "Field" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
