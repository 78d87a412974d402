package org.quotecheck.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quotecheck.web.InvalidInputException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Markdown built to make a naive converter quadratic (the review saw 7.5 s for 32 KB of emphasis markers and 4.3 s
 * for 400 KB of short lines) is converted in linear time. Each input here is 30 to 100 times larger than those; the
 * timeouts only stop a hang, they are not speed checks (see src/site/markdown/security.md for the measurements).
 */
class HostileUploadsTest {

    private static String convert(String markdown) {
        return UploadedText.extract("hostile.md", markdown.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(60)
    void emphasisMarkersWithoutEnds() {
        String text = convert("*a _b **c __d ".repeat(70_000)); // about 1 MB
        assertThat(text).contains("a").contains("d").hasSizeGreaterThan(500_000);
    }

    @Test
    @Timeout(60)
    void unclosedHtmlCommentsTagsAndInstructions() {
        // The parser searched for each one's end to the end of the paragraph: 22 s for 240 KB.
        for (String opener : new String[] {"<!--a ", "<?x ", "<!A ", "<a "}) {
            String text = convert("x " + opener.repeat(200_000)); // 1 to 1.2 MB
            assertThat(text).as(opener).startsWith("x ").contains(opener.strip());
        }
    }

    @Test
    void rawHtmlInMarkdownLeavesItsText() {
        assertThat(convert("A <b>bold</b> claim<!-- note -->.<br>Next line\n\n<div class=\"x\">Block</div>\n\nx < y"))
                .isEqualTo("A bold claim. Next line\n\nBlock\n\nx < y");
    }

    @Test
    @Timeout(60)
    void manyShortLines() {
        String text = convert("> - *x\n".repeat(200_000)); // 1.4 MB
        assertThat(text.lines().filter(line -> line.contains("x")).count()).isGreaterThan(1_000);
    }

    @Test
    @Timeout(60)
    void thousandsOfUnclosedBracketsOrNestedListsAreRefusedBeforeParsing() {
        // The parser would take 15 s for the first and 3 s for the second; no article looks like either.
        assertThatThrownBy(() -> convert("[".repeat(300_000) + "text" + "](".repeat(100_000)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("link brackets").hasMessageContaining(".txt");
        assertThatThrownBy(() -> convert("- ".repeat(100_000) + "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> convert("text\n" + "> ".repeat(60) + "deep\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("50 levels");
    }

    @Test
    @Timeout(60)
    void nestingUpToTheLimitsIsStillConverted() {
        String brackets = ("[".repeat(1_000) + "text" + "](".repeat(1_000) + "\n\n").repeat(300); // 1.5 MB
        assertThat(convert(brackets)).contains("text");
        String lists = ("- ".repeat(50) + "item\n").repeat(10_000); // 1 MB
        assertThat(convert(lists)).contains("item");
        assertThat(convert("A [link](https://example.org) and [another] one.\n\n> - quoted item"))
                .isEqualTo("A link and [another] one.\n\nquoted item");
    }
}
