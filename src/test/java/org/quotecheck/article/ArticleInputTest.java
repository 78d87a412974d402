package org.quotecheck.article;

import org.junit.jupiter.api.Test;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleInputTest {

    @Test
    void normalisesLineBreaksAndTrims() {
        ArticleInput.Valid valid = new ArticleInput("  Title ", " ", "https://a.example/x", "2025-10-30", "\r\nOne\r\nTwo\rThree  ").validate();
        assertThat(valid.title()).isEqualTo("Title");
        assertThat(valid.outlet()).isNull();
        assertThat(valid.body()).isEqualTo("One\nTwo\nThree");
        assertThat(valid.publishedAt()).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void acceptsATimestampWithOffsetAsPublicationDate() {
        assertThat(new ArticleInput("T", null, null, "2025-10-30T23:10:00+09:00", "B").validate().publishedAt())
                .isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new ArticleInput("", "o".repeat(201), "ftp://x", "yesterday", " ").validate())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(org.quotecheck.web.FieldError::field)
                        .containsExactly("title", "outlet", "url", "publishedAt", "body"));
    }

    @Test
    void bodyLimitIsTwoMegabytesOfUtf8() {
        String atLimit = "a".repeat(ArticleInput.MAX_BODY_BYTES);
        assertThat(new ArticleInput("T", null, null, null, atLimit).validate().body()).hasSize(ArticleInput.MAX_BODY_BYTES);
        assertThatThrownBy(() -> new ArticleInput("T", null, null, null, atLimit + "é").validate())
                .isInstanceOf(PayloadTooLargeException.class);
    }
}
