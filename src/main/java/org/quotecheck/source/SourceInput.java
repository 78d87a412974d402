package org.quotecheck.source;

import org.quotecheck.web.FieldError;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A source as typed into the form or sent to the API, before validation. */
public record SourceInput(String title, String type, String url, String retrievedOn, String speakers, String text) {

    public static final int MAX_TEXT_BYTES = 10 * 1024 * 1024;

    record Valid(String title, SourceType type, String url, LocalDate retrievedOn, String speakers, String text) {
    }

    static String checkText(String text) {
        String clean = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
        int bytes = clean.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new PayloadTooLargeException("text", String.format(Locale.ROOT,
                    "The source text is %.1f MB; the limit is 10 MB.", bytes / (1024.0 * 1024.0)));
        }
        return clean;
    }

    Valid validate() {
        String clean = checkText(text);
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldError("title", "Give the source a title."));
        } else if (cleanTitle.length() > 500) {
            errors.add(new FieldError("title", "Use at most 500 characters."));
        }
        SourceType sourceType = null;
        try {
            sourceType = SourceType.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "Choose TRANSCRIPT, OFFICIAL_STATEMENT, PRESS_RELEASE, INTERVIEW, DOCUMENT, CAPTIONS or OTHER."));
        }
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (cleanUrl != null && !isWebAddress(cleanUrl)) {
            errors.add(new FieldError("url", "Enter a full web address starting with http:// or https://."));
        }
        LocalDate date = null;
        if (retrievedOn != null && !retrievedOn.isBlank()) {
            try {
                date = LocalDate.parse(retrievedOn.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("retrievedOn", "Enter a date as YYYY-MM-DD."));
            }
        }
        String cleanSpeakers = speakers == null || speakers.isBlank() ? null : speakers.strip();
        if (cleanSpeakers != null && cleanSpeakers.length() > 500) {
            errors.add(new FieldError("speakers", "Use at most 500 characters."));
        }
        if (!org.quotecheck.text.Words.present(clean)) {
            errors.add(new FieldError("text", clean.isBlank() ? "Paste the source text or upload a file."
                    : "The text has no letters or digits; paste the source's words."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(cleanTitle, sourceType, cleanUrl, date, cleanSpeakers, clean);
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return value.length() <= 2000 && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
