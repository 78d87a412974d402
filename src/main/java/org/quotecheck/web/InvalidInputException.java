package org.quotecheck.web;

import java.util.List;
import java.util.Map;

/** Input that fails validation: 422 with a message per field, and a summary in people's words. */
public class InvalidInputException extends ProblemException {

    /** What a field is called on the pages (the API's {@code errors[].field} keeps the field's own name). */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("rating", "Rating"),
            Map.entry("note", "Note"), Map.entry("evidence", "Evidence"), Map.entry("confirmed", "Confirmation"),
            Map.entry("from", "From date"), Map.entry("to", "To date"), Map.entry("title", "Title"),
            Map.entry("body", "Article text"), Map.entry("text", "Text"), Map.entry("url", "Web address"),
            Map.entry("outlet", "Outlet"), Map.entry("publishedAt", "Publication date"), Map.entry("sourceId", "Source"),
            Map.entry("type", "Type"), Map.entry("claimType", "Kind of claim"), Map.entry("speaker", "Speaker"),
            Map.entry("comment", "Comment"), Map.entry("username", "Username"), Map.entry("password", "Password"),
            Map.entry("roles", "Roles"), Map.entry("limit", "Number of results"), Map.entry("file", "File"),
            Map.entry("retrievedOn", "Date retrieved"), Map.entry("speakers", "Speakers"), Map.entry("version", "Version"),
            Map.entry("occurrence", "Occurrence"), Map.entry("action", "Action"));

    public InvalidInputException(List<FieldError> errors) {
        super(422, "Invalid input", "Some fields need attention: "
                + String.join("; ", errors.stream().map(e -> label(e.field()) + ": " + e.message()).toList()), errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** A field's name as people read it: "To date" for {@code to}, "Published at" for an unknown {@code publishedAt}. */
    public static String label(String field) {
        if (field == null || field.isEmpty()) {
            return "Input";
        }
        String known = LABELS.get(field);
        if (known != null) {
            return known;
        }
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
