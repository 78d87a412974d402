package org.quotecheck.source;

import org.quotecheck.upload.UploadedText;
import org.quotecheck.text.Captions;
import org.quotecheck.web.InvalidInputException;

import java.util.List;
import java.util.Locale;

/** The text of an uploaded source file: .txt, .md, .html as for articles, .pdf through PDFBox, .vtt/.srt captions. */
final class SourceFiles {

    record Extracted(String text, List<Captions.Cue> cues) {
    }

    private SourceFiles() {
    }

    /** Every format a source may be uploaded in, as the messages name them. */
    static final String FORMATS = "plain text (.txt), Markdown (.md), a web page (.html), a PDF (.pdf) or captions (.vtt, .srt)";

    private static String text(String fileName, byte[] bytes) {
        return UploadedText.extract(fileName, bytes, UploadedText.MAX_UPLOAD_BYTES, "source", FORMATS);
    }

    static Extracted extract(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return new Extracted(pdfText(fileName, bytes), null);
        }
        if (name.endsWith(".vtt") || name.endsWith(".srt")) {
            Captions.Parsed parsed;
            try {
                parsed = Captions.parse(text(fileName.replaceAll("\\.(vtt|srt)$", ".txt"), bytes));
            } catch (Captions.InvalidTimeException e) {
                throw new InvalidInputException("file", "'" + fileName + "': " + e.getMessage());
            }
            if (parsed.cues().isEmpty()) {
                throw new InvalidInputException("file", "'" + fileName + "' has no caption cues (lines like 00:00:01,000 --> 00:00:04,000).");
            }
            return new Extracted(parsed.text(), parsed.cues());
        }
        return new Extracted(text(fileName, bytes), null);
    }

    private static String pdfText(String fileName, byte[] bytes) {
        return PdfText.extract(fileName, bytes);
    }
}
