package org.quotecheck.source;

import org.quotecheck.semantic.SemanticState;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A source as the API and pages show it, with its latest version. */
public record SourceView(Long id, String title, SourceType type, String url, LocalDate retrievedOn, String speakers,
                         String createdBy, OffsetDateTime createdAt, int currentVersion, long versionId,
                         String contentHash, int length, String text, boolean captions, SemanticState semantic) {

    static SourceView of(Source source, SourceVersion latest, boolean withText) {
        return new SourceView(source.id, source.title, source.type, source.url, source.retrievedOn, source.speakers,
                source.createdBy.username, source.createdAt, latest.number, latest.id, latest.contentHash,
                latest.text.length(), withText ? latest.text : null, latest.cues != null && !latest.cues.isEmpty(), null);
    }

    /** The same source with how far its latest version is with being searchable by meaning. */
    SourceView withSemantic(SemanticState state) {
        return new SourceView(id, title, type, url, retrievedOn, speakers, createdBy, createdAt, currentVersion, versionId,
                contentHash, length, text, captions, state);
    }

    public String typeLabel() {
        String name = type.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
