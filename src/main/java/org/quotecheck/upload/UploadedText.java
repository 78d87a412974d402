package org.quotecheck.upload;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an uploaded article file into plain text: .txt as it is, .md without its markup, .html through a real HTML
 * parser (jsoup) keeping paragraph breaks. Anything that is not UTF-8 text is refused with a clear message.
 */
public final class UploadedText {

    /** Raw upload limit; the extracted text must still fit the body limit. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "tr", "br", "article", "section", "header", "footer", "figcaption", "dt", "dd", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "nav", "iframe", "svg");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
    private static final Pattern MD_LIST = Pattern.compile("(?m)^[ \\t]*(?:[-*+]|\\d+[.)])[ \\t]+");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3})(\\S(?:.*?\\S)?)\\1");
    private static final Pattern MD_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^[ \\t]{0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");

    private UploadedText() {
    }

    public static String extract(String fileName, byte[] bytes) {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new PayloadTooLargeException("file", "The file is over 10 MB.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String text = decodeUtf8(bytes, fileName);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return htmlToText(text);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return markdownToText(text);
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return text;
        }
        throw new InvalidInputException("file", "Upload a .txt, .md or .html file; '" + fileName + "' is none of these.");
    }

    private static String decodeUtf8(byte[] bytes, String fileName) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw notText(fileName);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw notText(fileName);
        }
    }

    private static InvalidInputException notText(String fileName) {
        return new InvalidInputException("file", "'" + fileName + "' is not a UTF-8 text file. Save the article as"
                + " plain text (.txt), Markdown (.md) or a web page (.html) and upload it again.");
    }

    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        Element root = document.selectFirst("article");
        if (root == null) {
            root = document.body();
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && SKIPPED.contains(element.normalName())) {
                    skipping++;
                } else if (skipping == 0 && node instanceof TextNode textNode) {
                    String text = textNode.getWholeText().replaceAll("\\s+", " ");
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        text = text.stripLeading();
                    }
                    out.append(text);
                } else if (skipping == 0 && node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    endLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && SKIPPED.contains(element.normalName())) {
                    skipping--;
                } else if (skipping == 0 && node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    endLine(out);
                }
            }
        }, root);
        return out.toString().lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static void endLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') {
            out.append('\n');
        }
    }

    static String markdownToText(String markdown) {
        String text = MD_RULE.matcher(markdown).replaceAll("");
        text = MD_HEADING.matcher(text).replaceAll("");
        text = MD_QUOTE.matcher(text).replaceAll("");
        text = MD_LIST.matcher(text).replaceAll("");
        text = MD_IMAGE.matcher(text).replaceAll("$1");
        text = MD_LINK.matcher(text).replaceAll("$1");
        text = MD_CODE.matcher(text).replaceAll("$1");
        text = MD_EMPHASIS.matcher(text).replaceAll("$2");
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n");
    }
}
