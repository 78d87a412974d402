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

    static Extracted extract(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return new Extracted(pdfText(fileName, bytes), null);
        }
        if (name.endsWith(".vtt") || name.endsWith(".srt")) {
            Captions.Parsed parsed;
            try {
                parsed = Captions.parse(UploadedText.extract(fileName.replaceAll("\\.(vtt|srt)$", ".txt"), bytes));
            } catch (Captions.InvalidTimeException e) {
                throw new InvalidInputException("file", "'" + fileName + "': " + e.getMessage());
            }
            if (parsed.cues().isEmpty()) {
                throw new InvalidInputException("file", "'" + fileName + "' has no caption cues (lines like 00:00:01,000 --> 00:00:04,000).");
            }
            return new Extracted(parsed.text(), parsed.cues());
        }
        return new Extracted(UploadedText.extract(fileName, bytes), null);
    }

    private static String pdfText(String fileName, byte[] bytes) {
        return PdfText.extract(fileName, bytes);
    }
}
