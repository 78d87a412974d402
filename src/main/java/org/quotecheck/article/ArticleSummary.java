package org.quotecheck.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of the article list: everything but the body. */
public record ArticleSummary(Long id, String title, String outlet, String url, LocalDate publishedAt,
                             String createdBy, OffsetDateTime createdAt, int length) {
}
