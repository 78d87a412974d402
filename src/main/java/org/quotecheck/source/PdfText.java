package org.quotecheck.source;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.quotecheck.web.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * The text layer of an uploaded PDF, within limits that no document a newsroom checks comes near: pages, bytes of
 * decoded page content (a small file can reference one huge compressed stream from every page), characters of
 * text, and time. Each limit hit is a clear 422, not minutes of work.
 */
final class PdfText {

    static final int MAX_PAGES = 1_000;
    static final long MAX_DECODED_CONTENT_BYTES = 64L * 1024 * 1024;
    static final int MAX_CHARACTERS = SourceInput.MAX_TEXT_BYTES;
    static final Duration MAX_TIME = Duration.ofSeconds(20);

    private PdfText() {
    }

    static String extract(String fileName, byte[] bytes) {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new InvalidInputException("file", "'" + fileName + "' is encrypted; upload an unprotected copy.");
            }
            int pages = document.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw limit(fileName, "has " + pages + " pages; at most " + MAX_PAGES + " can be read");
            }
            checkDecodedContent(fileName, document, deadline);
            String text = new BoundedStripper(fileName, deadline).getText(document);
            if (text.isBlank()) {
                throw new InvalidInputException("file", "'" + fileName + "' has no text layer (is it a scan?). Paste the text instead.");
            }
            return text;
        } catch (IOException e) {
            throw new InvalidInputException("file", "'" + fileName + "' could not be read as a PDF: the file is damaged, cut"
                    + " short or not a PDF at all. Save or download it again, paste the source's text, or upload it as "
                    + SourceFiles.FORMATS + ".");
        }
    }

    /**
     * Decodes every page's content, then every other stream text extraction may read (forms, fonts; images are never
     * decoded for text) once, stopping as soon as the total passes the limit. Streams are counted wherever they are referenced from, so
     * a form drawn by every page, or nested in another form, cannot hide from the count.
     */
    private static void checkDecodedContent(String fileName, PDDocument document, long deadline) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // Each page decodes its content afresh, even a stream that every page shares: count it once per page.
        for (PDPage page : document.getPages()) {
            try (InputStream content = page.getContents()) {
                total = count(fileName, content, buffer, total, deadline);
            }
        }
        COSDocument cos = document.getDocument();
        for (COSObjectKey key : List.copyOf(cos.getXrefTable().keySet())) {
            COSBase object = cos.getObjectFromPool(key).getObject();
            if (!(object instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                continue;
            }
            try (InputStream content = stream.createInputStream()) {
                total = count(fileName, content, buffer, total, deadline);
            } catch (IOException broken) {
                // A stream that cannot be decoded adds nothing; extraction will skip or report it.
            }
        }
    }

    private static long count(String fileName, InputStream content, byte[] buffer, long total, long deadline) throws IOException {
        if (content == null) {
            return total;
        }
        for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
            total += read;
            if (total > MAX_DECODED_CONTENT_BYTES) {
                throw limit(fileName, "decodes to more than " + MAX_DECODED_CONTENT_BYTES / (1024 * 1024)
                        + " MB of page content");
            }
            checkTime(fileName, deadline);
        }
        return total;
    }

    private static void checkTime(String fileName, long deadline) {
        if (System.nanoTime() > deadline) {
            throw limit(fileName, "took more than " + MAX_TIME.toSeconds() + " seconds to read");
        }
    }

    private static InvalidInputException limit(String fileName, String what) {
        return new InvalidInputException("file", "'" + fileName + "' " + what + ". Paste the text you need instead,"
                + " or upload the pages that matter.");
    }

    /** PDFBox's text extraction, checking the time and the amount of text as it goes. */
    private static final class BoundedStripper extends PDFTextStripper {
        private final String fileName;
        private final long deadline;
        private long characters;
        private int operators;

        BoundedStripper(String fileName, long deadline) {
            this.fileName = fileName;
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators % 1024 == 0) {
                checkTime(fileName, deadline);
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            characters += text.getUnicode() == null ? 0 : text.getUnicode().length();
            if (characters > MAX_CHARACTERS) {
                throw limit(fileName, "holds more than " + MAX_CHARACTERS / (1024 * 1024) + " MB of text");
            }
            super.processTextPosition(text);
        }
    }
}
