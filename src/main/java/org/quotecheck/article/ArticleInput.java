package org.quotecheck.article;

import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** An article's fields as typed into the form or sent to the API, before validation. */
public record ArticleInput(String title, String outlet, String url, String publishedAt, String body) {

    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    static final int MAX_TITLE = 500;
    static final int MAX_OUTLET = 200;
    static final int MAX_URL = 2000;

    /** The checked and normalised fields. */
    public record Valid(String title, String outlet, String url, LocalDate publishedAt, String body) {
    }

    /**
     * Checks every field and reports all problems at once; a body over {@value #MAX_BODY_BYTES} bytes of UTF-8 is
     * refused as too large (413) before anything else, since nothing else matters then.
     */
    public Valid validate() {
        String cleanBody = normaliseBody(body);
        int bytes = cleanBody.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("body", String.format(java.util.Locale.ROOT,
                    "The article text is %.1f MB; the limit is 2 MB. Shorten it or split it into parts.",
                    bytes / (1024.0 * 1024.0)));
        }
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = trimToNull(title);
        if (cleanTitle == null) {
            errors.add(new FieldError("title", "Enter the article's headline."));
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "Use at most " + MAX_TITLE + " characters."));
        }
        String cleanOutlet = trimToNull(outlet);
        if (cleanOutlet != null && cleanOutlet.length() > MAX_OUTLET) {
            errors.add(new FieldError("outlet", "Use at most " + MAX_OUTLET + " characters."));
        }
        String cleanUrl = trimToNull(url);
        if (cleanUrl != null && !isWebAddress(cleanUrl)) {
            errors.add(new FieldError("url", "Enter a full web address starting with http:// or https://."));
        }
        LocalDate date = null;
        String cleanDate = trimToNull(publishedAt);
        if (cleanDate != null) {
            date = parseDate(cleanDate);
            if (date == null) {
                errors.add(new FieldError("publishedAt", "Enter a date as YYYY-MM-DD, for example 2025-10-30."));
            }
        }
        if (!org.quotecheck.text.Words.present(cleanBody)) {
            errors.add(new FieldError("body", cleanBody.isBlank() ? "Paste the article text or upload a file."
                    : "The text has no letters or digits; paste the article's words."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(cleanTitle, cleanOutlet, cleanUrl, date, cleanBody);
    }

    /** Line breaks become \n so that offsets into the body are the same whatever the browser sent. */
    static String normaliseBody(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
    }

    private static boolean isWebAddress(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toLocalDate();
            } catch (DateTimeParseException notATimestamp) {
                return null;
            }
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
