package org.quotecheck.source;

/** What kind of record a source is. */
public enum SourceType {
    TRANSCRIPT, OFFICIAL_STATEMENT, PRESS_RELEASE, INTERVIEW, DOCUMENT, CAPTIONS, OTHER
}
