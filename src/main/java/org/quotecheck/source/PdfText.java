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
 * decoded page content (a small file can reference one huge compressed stream from every page), characters of text
 * in all, per page and per text string (PDFBox keeps about 200 bytes for every glyph of a page until the page is
 * done: a few kilobytes of PDF can show millions of glyphs), and time, checked at every operator and every glyph.
 * Each limit hit is a clear 422, not minutes of work. Reading runs on one of {@value #READERS} threads of its own
 * under a hard deadline, so no request waits longer than that and no number of uploads can take more of the
 * machine than those threads.
 */
final class PdfText {

    static final int MAX_PAGES = 1_000;
    static final long MAX_DECODED_CONTENT_BYTES = 64L * 1024 * 1024;
    static final int MAX_CHARACTERS = SourceInput.MAX_TEXT_BYTES;
    /** A dense page of small print holds about 10,000 characters. */
    static final int MAX_CHARACTERS_PER_PAGE = 100_000;
    /** One text-showing operator draws a line or a paragraph: a few thousand glyphs at most. */
    static final int MAX_BYTES_PER_STRING = 20_000;
    static final Duration MAX_TIME = Duration.ofSeconds(20);
    /** PDFs read at once; more wait in line (up to {@value #QUEUE}), beyond that the upload is asked to come back. */
    static final int READERS = 2;
    static final int QUEUE = 8;

    private static final java.util.concurrent.ThreadPoolExecutor POOL = new java.util.concurrent.ThreadPoolExecutor(
            READERS, READERS, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(QUEUE),
            r -> {
                Thread t = new Thread(r, "quotecheck-pdf");
                t.setDaemon(true);
                return t;
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private PdfText() {
    }

    /**
     * The text, read on a PDF thread; the caller waits until {@link #MAX_TIME} has passed (and a little more for the
     * time spent in line), then gets the refusal while the reader stops at its next check.
     */
    static String extract(String fileName, byte[] bytes) {
        return extract(fileName, bytes, MAX_TIME);
    }

    /** The same within {@code maxTime} (tests use a shorter one). */
    static String extract(String fileName, byte[] bytes, Duration maxTime) {
        long deadline = System.nanoTime() + maxTime.toNanos();
        java.util.concurrent.Future<String> reading;
        try {
            reading = POOL.submit(() -> read(fileName, bytes, deadline, maxTime));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            throw new org.quotecheck.web.ProblemException(503, "Service Unavailable", "Several PDFs are being read right now;"
                    + " upload '" + fileName + "' again in a minute.", List.of());
        }
        try {
            return reading.get(maxTime.toMillis() + 2_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            reading.cancel(true);
            throw limit(fileName, tookTooLong(maxTime));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                throw limit(fileName, "needs more memory to read than this server gives one document");
            }
            throw new IllegalStateException("reading '" + fileName + "' failed", e.getCause());
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw limit(fileName, "could not be read before the request ended");
        }
    }

    private static String tookTooLong(Duration maxTime) {
        return "took more than " + (maxTime.toSeconds() > 0 ? maxTime.toSeconds() + " seconds" : maxTime.toMillis() + " ms")
                + " to read";
    }

    private static String read(String fileName, byte[] bytes, long deadline, Duration maxTime) {
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
        } catch (TooSlow e) {
            throw limit(fileName, tookTooLong(maxTime));
        } catch (IOException e) {
            throw new InvalidInputException("file", "'" + fileName + "' could not be read as a PDF: the file is damaged, cut"
                    + " short or not a PDF at all. Save or download it again, paste the source's text, or upload it as "
                    + SourceFiles.FORMATS + ".");
        }
    }

    /**
     * Decodes every page's content, then every other stream text extraction may read (forms, fonts; images are never
     * decoded for text) once, stopping as soon as the total passes the limit. Streams are counted wherever they are
     * referenced from, so a form drawn by every page, or nested in another form, cannot hide from the count. Each
     * stream is decoded here filter by filter into a bounded buffer, never through PDFBox's own decoding, which holds
     * a whole decoded stream in memory before anyone can count it (a 1.5 MB file decoding to 1.5 GB of spaces ran the
     * heap out).
     */
    private static void checkDecodedContent(String fileName, PDDocument document, long deadline) throws IOException {
        long total = 0;
        // Each page decodes its content afresh, even a stream that every page shares: count it once per page.
        for (PDPage page : document.getPages()) {
            COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            List<COSBase> streams = new java.util.ArrayList<>();
            if (contents instanceof org.apache.pdfbox.cos.COSArray array) {
                array.forEach(streams::add);
            } else if (contents != null) {
                streams.add(contents);
            }
            for (COSBase item : streams) {
                COSBase resolved = item instanceof org.apache.pdfbox.cos.COSObject reference ? reference.getObject() : item;
                if (resolved instanceof COSStream stream) {
                    total += decodedLength(fileName, stream, MAX_DECODED_CONTENT_BYTES - total, deadline);
                }
            }
        }
        COSDocument cos = document.getDocument();
        for (COSObjectKey key : List.copyOf(cos.getXrefTable().keySet())) {
            COSBase object = cos.getObjectFromPool(key).getObject();
            if (!(object instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                continue;
            }
            total += decodedLength(fileName, stream, MAX_DECODED_CONTENT_BYTES - total, deadline);
        }
    }

    /**
     * How many bytes a stream decodes to, at most {@code budget} (past it, the file is refused): each filter writes
     * into a buffer that refuses to grow past the budget, the last one into a counter. A stream whose filter fails
     * (a damaged or cut-off stream, common in real files) counts what it gave before failing, as extraction reads it.
     */
    private static long decodedLength(String fileName, COSStream stream, long budget, long deadline) throws IOException {
        List<COSName> filters = new java.util.ArrayList<>();
        COSBase declared = stream.getFilters();
        if (declared instanceof COSName name) {
            filters.add(name);
        } else if (declared instanceof org.apache.pdfbox.cos.COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    filters.add(name);
                }
            }
        }
        if (filters.isEmpty()) {
            long length = stream.getLength();
            if (length > budget) {
                throw tooMuchContent(fileName);
            }
            return Math.max(0, length);
        }
        InputStream input = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                BoundedOutput output = new BoundedOutput(fileName, budget, deadline, !last);
                try {
                    org.apache.pdfbox.filter.FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(input, output, stream, i);
                } catch (IOException broken) {
                    // what it gave until then counts
                }
                input.close();
                if (last) {
                    return output.size;
                }
                input = new java.io.ByteArrayInputStream(output.buffer.toByteArray());
            }
            return 0;
        } finally {
            input.close();
        }
    }

    private static InvalidInputException tooMuchContent(String fileName) {
        return limit(fileName, "decodes to more than " + MAX_DECODED_CONTENT_BYTES / (1024 * 1024) + " MB of page content");
    }

    /** Counts (and, between filters, keeps) what a filter writes, refusing past the budget or the deadline. */
    private static final class BoundedOutput extends java.io.OutputStream {
        private final String fileName;
        private final long budget;
        private final long deadline;
        private final java.io.ByteArrayOutputStream buffer;
        private long size;

        BoundedOutput(String fileName, long budget, long deadline, boolean keep) {
            this.fileName = fileName;
            this.budget = budget;
            this.deadline = deadline;
            this.buffer = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            size += length;
            if (size > budget) {
                throw tooMuchContent(fileName);
            }
            checkTime(fileName, deadline);
            if (buffer != null) {
                buffer.write(bytes, offset, length);
            }
        }
    }

    private static void checkTime(String fileName, long deadline) {
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
            throw new TooSlow();
        }
    }

    /** The deadline passed; {@link #read} says so in the file's terms. */
    private static final class TooSlow extends RuntimeException {
        TooSlow() {
            super(null, null, false, false);
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
        private long onThisPage;

        BoundedStripper(String fileName, long deadline) {
            this.fileName = fileName;
            this.deadline = deadline;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            onThisPage = 0;
            super.startPage(page);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            checkTime(fileName, deadline);
            super.processOperator(operator, operands);
        }

        @Override
        protected void showText(byte[] string) throws IOException {
            // Before any glyph of it is made: a string longer than any line is refused at once, whatever its font.
            if (string.length > MAX_BYTES_PER_STRING) {
                throw limit(fileName, "draws a single text string of " + String.format("%,d", string.length)
                        + " bytes on page " + getCurrentPageNo() + "; no line of real text is longer than "
                        + String.format("%,d", MAX_BYTES_PER_STRING));
            }
            super.showText(string);
        }

        @Override
        protected void showGlyph(org.apache.pdfbox.util.Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font,
                                 int code, org.apache.pdfbox.util.Vector displacement) throws IOException {
            checkTime(fileName, deadline);
            if (++onThisPage > MAX_CHARACTERS_PER_PAGE) {
                throw limit(fileName, "shows more than " + String.format("%,d", MAX_CHARACTERS_PER_PAGE)
                        + " characters on page " + getCurrentPageNo());
            }
            super.showGlyph(textRenderingMatrix, font, code, displacement);
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
