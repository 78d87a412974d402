package org.quotecheck.upload;

import org.junit.jupiter.api.Test;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadedTextTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainTextIsKeptAsItIsWithoutByteOrderMark() {
        byte[] withBom = utf8("\uFEFFShe said “yes”.");
        assertThat(UploadedText.extract("a.txt", withBom)).isEqualTo("She said “yes”.");
    }

    @Test
    void htmlKeepsParagraphsAndDropsScriptsStylesAndNavigation() {
        String html = "<body><nav>Menu</nav><div><p>One <i>two</i></p><ul><li>Three</li><li>Four</li></ul>"
                + "<p>Five<br>Six</p><script>var x = 1;</script><style>.a{}</style></div></body>";
        assertThat(UploadedText.extract("page.HTML", utf8(html))).isEqualTo("One two\nThree\nFour\nFive\nSix");
    }

    @Test
    void htmlPrefersTheArticleElement() {
        String html = "<body><header>Site name</header><article><p>Story.</p></article><footer>Legal</footer></body>";
        assertThat(UploadedText.extract("p.htm", utf8(html))).isEqualTo("Story.");
    }

    @Test
    void htmlEntitiesAreDecoded() {
        assertThat(UploadedText.extract("p.html", utf8("<p>Fish &amp; chips &ldquo;now&rdquo;</p>")))
                .isEqualTo("Fish & chips “now”");
    }

    @Test
    void markdownLosesItsMarkupButNotItsWords() {
        String md = "# Headline\n\n> “Quoted,” she said.\n\n- **Bold** point with [a link](https://x.org)\n"
                + "1. `code` item\n\n---\nthe_company_name stays";
        assertThat(UploadedText.extract("story.md", utf8(md)))
                .isEqualTo("Headline\n\n“Quoted,” she said.\n\nBold point with a link\n\ncode item\n\nthe_company_name stays");
    }

    @Test
    void binaryAndInvalidUtf8AreRefused() {
        assertThatThrownBy(() -> UploadedText.extract("a.txt", new byte[] {'a', 0, 'b'}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a UTF-8 text file");
        assertThatThrownBy(() -> UploadedText.extract("a.txt", new byte[] {'a', (byte) 0xC3, '(', 'b'}))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void otherFileTypesAreRefused() {
        assertThatThrownBy(() -> UploadedText.extract("a.docx", utf8("text")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plain text (.txt), Markdown (.md) or a web page (.html)");
    }

    @Test
    void uploadsOverTenMegabytesAreTooLarge() {
        assertThatThrownBy(() -> UploadedText.extract("a.txt", new byte[UploadedText.MAX_UPLOAD_BYTES + 1]))
                .isInstanceOf(PayloadTooLargeException.class);
    }
}
