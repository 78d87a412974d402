package org.quotecheck.upload;

import org.commonmark.node.Block;
import org.commonmark.node.Code;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;
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
import java.util.ArrayDeque;
import java.util.Deque;

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
    private static final Parser MARKDOWN = Parser.builder().build();
    static final int MAX_OPEN_BRACKETS = 1_000;
    private static final int MAX_TAG = 500;
    private static final java.util.regex.Pattern BLOCK_TAG = java.util.regex.Pattern.compile(
            "(?i)</?(?:p|div|br|hr|h[1-6]|li|ul|ol|blockquote|tr|table|section|article|figure|figcaption)\\b[^>]*>");
    static final int MAX_CONTAINER_DEPTH = 50;

    private UploadedText() {
    }

    public static String extract(String fileName, byte[] bytes) {
        return extract(fileName, bytes, MAX_UPLOAD_BYTES);
    }

    /** As {@link #extract(String, byte[])}, refusing a file over {@code maxBytes} before any conversion. */
    public static String extract(String fileName, byte[] bytes, int maxBytes) {
        return extract(fileName, bytes, maxBytes, "article", "plain text (.txt), Markdown (.md) or a web page (.html)");
    }

    /**
     * As above, for an upload of the given kind ({@code what}: "article", "source") whose accepted formats
     * ({@code formats}) the messages list, so that they speak of what the user is uploading.
     */
    public static String extract(String fileName, byte[] bytes, int maxBytes, String what, String formats) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".md") || name.endsWith(".markdown")
                || name.endsWith(".txt") || name.endsWith(".text"))) {
            throw new InvalidInputException("file", "Upload the " + what + " as " + formats + "; '" + fileName + "' is none of these.");
        }
        String text = decodeUtf8(bytes, fileName, what, formats);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return htmlToText(text);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return markdownToText(text);
        }
        return text;
    }

    public static PayloadTooLargeException tooLarge(int maxBytes) {
        return new PayloadTooLargeException("file", "The file is over " + maxBytes / (1024 * 1024) + " MB.");
    }

    private static String decodeUtf8(byte[] bytes, String fileName, String what, String formats) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw notText(fileName, what, formats);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw notText(fileName, what, formats);
        }
    }

    private static InvalidInputException notText(String fileName, String what, String formats) {
        return new InvalidInputException("file", "'" + fileName + "' is not a UTF-8 text file. Save the " + what + " as "
                + formats + " and upload it again.");
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
                .collect(java.util.stream.Collectors.joining("\n"));
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

    /**
     * Markdown through a real CommonMark parser, in linear time: the words of headings, paragraphs, list items,
     * quotes and code, with blocks separated by blank lines and list items on lines of their own. Links and images
     * keep their text only; raw HTML keeps its text. The tree is walked without recursion, so deep nesting cannot
     * overflow the stack.
     */
    static String markdownToText(String markdown) {
        refuseHostileNesting(markdown);
        org.commonmark.node.Node document = MARKDOWN.parse(withoutHtml(markdown));
        StringBuilder out = new StringBuilder(markdown.length());
        Deque<org.commonmark.node.Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            org.commonmark.node.Node node = pending.pop();
            if (node instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak) {
                out.append(' ');
            } else if (node instanceof HardLineBreak) {
                out.append('\n');
            } else if (node instanceof FencedCodeBlock code) {
                breakBefore(out, 2);
                out.append(code.getLiteral());
            } else if (node instanceof IndentedCodeBlock code) {
                breakBefore(out, 2);
                out.append(code.getLiteral());
            } else if (node instanceof HtmlBlock html) {
                breakBefore(out, 2);
                out.append(Jsoup.parseBodyFragment(html.getLiteral()).text());
            } else if (!(node instanceof HtmlInline)) {
                if (node instanceof ListItem) {
                    breakBefore(out, 1);
                } else if (node instanceof Paragraph && node.getParent() instanceof ListItem) {
                    breakBefore(out, 1);
                } else if (node instanceof Block && !(node instanceof org.commonmark.node.Document)) {
                    breakBefore(out, 2);
                }
                Deque<org.commonmark.node.Node> children = new ArrayDeque<>();
                for (org.commonmark.node.Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    children.push(child);
                }
                children.forEach(pending::push);
            }
        }
        return out.toString().lines().map(String::strip).collect(java.util.stream.Collectors.joining("\n"))
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    /**
     * The CommonMark parser slows down quadratically on thousands of unclosed link brackets or list items nested
     * inside each other (15 s for 400 KB). No article is written like that: such a file is refused, in one linear
     * pass, before it is parsed. Measured limits: brackets open at once, and containers (quotes, lists) on one line.
     */
    static void refuseHostileNesting(String markdown) {
        int brackets = 0;
        int lineStart = 0;
        boolean blankLine = true;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '[') {
                if (++brackets > MAX_OPEN_BRACKETS) {
                    throw tooDeep("more than " + MAX_OPEN_BRACKETS + " link brackets open at once");
                }
            } else if (c == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (c == '\n') {
                if (blankLine) {
                    brackets = 0; // a blank line ends the paragraph, and every bracket in it
                }
                blankLine = true;
                lineStart = i + 1;
                continue;
            }
            if (blankLine && !Character.isWhitespace(c)) {
                blankLine = false;
                if (containerDepth(markdown, lineStart) > MAX_CONTAINER_DEPTH) {
                    throw tooDeep("quotes or lists nested more than " + MAX_CONTAINER_DEPTH + " levels deep");
                }
            }
        }
    }

    /** How many block quotes and list markers open the line that starts at {@code from}. */
    private static int containerDepth(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            char c = text.charAt(i);
            if (c == '>') {
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                i += 2;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < text.length() && j - i < 9 && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j + 1 < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')') && text.charAt(j + 1) == ' ') {
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
            if (++depth > MAX_CONTAINER_DEPTH) {
                break;
            }
        }
        return depth;
    }

    private static InvalidInputException tooDeep(String what) {
        return new InvalidInputException("file", "This Markdown file has " + what + ", which no article needs and which"
                + " would take minutes to convert. Upload the article as plain text (.txt) instead.");
    }

    /**
     * Raw HTML inside Markdown, removed before parsing in one linear pass: the CommonMark parser looks for the end of
     * every unclosed {@code <!--}, {@code <?} or {@code <tag} to the end of the paragraph, which is quadratic (22 s
     * for 240 KB of unclosed comments). Complete comments and tags go (block tags leave a line break), and any other
     * {@code <} is escaped so the parser reads it as a plain character.
     */
    static String withoutHtml(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        boolean commentsClose = true;
        int i = 0;
        while (i < markdown.length()) {
            int open = markdown.indexOf('<', i);
            if (open < 0) {
                out.append(markdown, i, markdown.length());
                break;
            }
            out.append(markdown, i, open);
            if (markdown.startsWith("<!--", open) && commentsClose) {
                int close = markdown.indexOf("-->", open + 4);
                if (close >= 0) {
                    i = close + 3;
                    continue;
                }
                commentsClose = false; // no later comment can close either: never search again
            } else if (open + 1 < markdown.length() && isTagStart(markdown.charAt(open + 1))) {
                int end = open + 1;
                while (end < markdown.length() && end - open < MAX_TAG && markdown.charAt(end) != '<' && markdown.charAt(end) != '>') {
                    end++;
                }
                if (end < markdown.length() && markdown.charAt(end) == '>') {
                    out.append(BLOCK_TAG.matcher(markdown.substring(open, end + 1)).matches() ? "\n" : "");
                    i = end + 1;
                    continue;
                }
            }
            out.append("\\<");
            i = open + 1;
        }
        return out.toString();
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    /** Ends the text so far with {@code newlines} line breaks (unless nothing has been written yet). */
    private static void breakBefore(StringBuilder out, int newlines) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end == 0) {
            return;
        }
        int have = 0;
        while (have < end && out.charAt(end - 1 - have) == '\n') {
            have++;
        }
        for (int i = have; i < newlines; i++) {
            out.append('\n');
        }
    }
}
