package org.quotecheck.source;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quotecheck.web.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PDFs built to make text extraction take minutes are refused at a limit; an ordinary one is read. */
class PdfTextTest {

    @Test
    @Timeout(60) // a hang guard only: the hostile file took 11.9 s at a sixth of this size before the limits
    void everyPageReferencingOneHugeStreamIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDStream shared = new PDStream(document);
            try (OutputStream out = shared.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] show = "BT /F1 1 Tf 0 0 Td (quotecheck) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 200_000; i++) { // 7.6 MB decoded, a few KB compressed
                    out.write(show);
                }
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            for (int i = 0; i < 16; i++) {
                PDPage page = new PDPage();
                page.setResources(resources);
                page.getCOSObject().setItem(COSName.CONTENTS, (COSStream) shared.getCOSObject());
                document.addPage(page);
            }
            pdf = save(document);
        }
        assertThat(pdf.length).isLessThan(200_000);
        assertThatThrownBy(() -> PdfText.extract("bomb.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MB of page content");
    }

    @Test
    @Timeout(60) // a hang guard: this file made the JVM run out of memory before every stream was counted
    void aFormDrawnByEveryPageIsCountedToo() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            // A form XObject whose content decodes to 80 MB, drawn by a one-line page: the page content is tiny.
            COSStream form = document.getDocument().createCOSStream();
            form.setItem(COSName.TYPE, COSName.XOBJECT);
            form.setItem(COSName.SUBTYPE, COSName.FORM);
            form.setItem(COSName.BBOX, new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0, 100, 100).getCOSArray());
            try (OutputStream out = form.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] space = new byte[1024 * 1024];
                java.util.Arrays.fill(space, (byte) ' ');
                for (int i = 0; i < 80; i++) {
                    out.write(space);
                }
            }
            PDPage page = new PDPage();
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("X"), new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(form));
            page.setResources(resources);
            PDStream content = new PDStream(document);
            try (OutputStream out = content.createOutputStream()) {
                out.write("/X Do\n".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            document.addPage(page);
            pdf = save(document);
        }
        assertThat(pdf.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> PdfText.extract("form-bomb.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MB of page content");
    }

    @Test
    void tooManyPagesAreRefused() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i <= PdfText.MAX_PAGES; i++) {
                document.addPage(new PDPage());
            }
            pdf = save(document);
        }
        assertThatThrownBy(() -> PdfText.extract("long.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1001 pages");
    }

    @Test
    void anOrdinaryPdfIsRead() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The meeting lasted 45 minutes.");
                content.endText();
            }
            pdf = save(document);
        }
        assertThat(PdfText.extract("readout.pdf", pdf)).contains("The meeting lasted 45 minutes.");
    }

    /** One page whose content stream (compressed) is {@code content}, with Helvetica as /F1. */
    private static byte[] onePage(byte[] content) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content);
            }
            page.setContents(stream);
            document.addPage(page);
            return save(document);
        }
    }

    @Test
    @Timeout(60) // a hang guard: the review's file took 122 s and ran a 1 GB heap out of memory
    void aTinyFileShowingOneStringOfMillionsOfCharactersIsRefusedAtOnce() throws IOException {
        byte[] pdf = onePage(("BT /F1 1 Tf 0 0 Td (" + "a".repeat(4_000_000) + ") Tj ET\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.length).isLessThan(16_000);
        assertThatThrownBy(() -> PdfText.extract("string.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("single text string of 4,000,000 bytes on page 1");
        // Just over the limit is refused as well, and a long but real line just under it is read.
        byte[] over = onePage(("BT /F1 1 Tf 0 0 Td (" + "b".repeat(PdfText.MAX_BYTES_PER_STRING + 1) + ") Tj ET\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PdfText.extract("over.pdf", over)).hasMessageContaining("single text string");
        byte[] under = onePage(("BT /F1 1 Tf 0 0 Td (" + "word ".repeat(PdfText.MAX_BYTES_PER_STRING / 5) + ") Tj ET\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(PdfText.extract("under.pdf", under)).contains("word word");
    }

    @Test
    @Timeout(60)
    void aPageShowingMoreCharactersThanAnyPageHoldsIsRefused() throws IOException {
        String line = "(" + "c".repeat(10_000) + ") Tj\n";
        int lines = PdfText.MAX_CHARACTERS_PER_PAGE / 10_000 + 1;
        byte[] pdf = onePage(("BT /F1 1 Tf 0 0 Td " + line.repeat(lines) + "ET\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PdfText.extract("dense.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than 100,000 characters on page 1");
        byte[] full = onePage(("BT /F1 1 Tf 0 0 Td " + line.repeat(lines - 1) + "ET\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(PdfText.extract("full.pdf", full)).contains("cccc");
    }

    /**
     * PDFBox decodes a whole stream into memory before anyone can count it: a 1.5 MB file of compressed spaces ran
     * a 1 GB heap out. The count decodes it here, in bounded steps, and stops at the limit; the reader threads
     * allocate a small multiple of the limit, not the stream's decoded size.
     */
    @Test
    @Timeout(60)
    void aStreamThatDecodesToHundredsOfMegabytesIsRefusedWithoutBeingDecodedWhole() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1024 * 1024];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 512; i++) { // 512 MB decoded, about 500 KB stored
                    out.write(spaces);
                }
            }
            page.setContents(stream);
            document.addPage(page);
            pdf = save(document);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = allocatedByReaders(threads);
        assertThatThrownBy(() -> PdfText.extract("spaces.pdf", pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MB of page content");
        long allocated = allocatedByReaders(threads) - before;
        assertThat(allocated).as("bytes the reader allocated").isLessThan(4L * PdfText.MAX_DECODED_CONTENT_BYTES);
    }

    private static long allocatedByReaders(com.sun.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("quotecheck-pdf"))
                .mapToLong(t -> Math.max(0, threads.getThreadAllocatedBytes(t.getId()))).sum();
    }

    @Test
    @Timeout(60)
    void readingStopsAtItsDeadline() throws IOException {
        byte[] pdf = onePage("BT /F1 12 Tf 72 700 Td (The meeting lasted 45 minutes.) Tj ET\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PdfText.extract("slow.pdf", pdf, java.time.Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("took more than 0 ms to read");
        assertThat(PdfText.extract("readout.pdf", pdf)).contains("The meeting lasted 45 minutes.");
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
