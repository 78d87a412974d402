package org.quotecheck.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (.srt) and WebVTT (.vtt) captions into plain text, one cue a line, keeping each cue's timing and its
 * offsets in the text, so that a passage found in the text can show when it was said.
 */
public final class Captions {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** A cue: where its words are in the text, and when they were said (milliseconds from the start). */
    public record Cue(int start, int end, long fromMillis, long toMillis) {
        public String timestamp() {
            return format(fromMillis);
        }
    }

    public record Parsed(String text, List<Cue> cues) {
    }

    private Captions() {
    }

    public static Parsed parse(String captions) {
        StringBuilder text = new StringBuilder();
        List<Cue> cues = new ArrayList<>();
        String[] lines = captions.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int i = 0;
        while (i < lines.length) {
            Matcher timing = TIMING.matcher(lines[i]);
            if (!timing.matches()) {
                i++;
                continue;
            }
            long from = millis(timing.group(1));
            long to = millis(timing.group(2));
            i++;
            StringBuilder cue = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank()) {
                String line = TAG.matcher(lines[i]).replaceAll("").strip();
                if (!line.isEmpty()) {
                    cue.append(cue.length() == 0 ? "" : " ").append(line);
                }
                i++;
            }
            if (cue.length() > 0) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                int start = text.length();
                text.append(cue);
                cues.add(new Cue(start, text.length(), from, to));
            }
        }
        return new Parsed(text.toString(), cues);
    }

    /** The cue that contains a text offset, or null. */
    public static Cue at(List<Cue> cues, int offset) {
        for (Cue cue : cues) {
            if (offset >= cue.start() && offset <= cue.end()) {
                return cue;
            }
        }
        return null;
    }

    /** The time of a cue in milliseconds; a time no recording has (hours beyond {@value #MAX_HOURS}) is refused. */
    static long millis(String time) {
        String[] parts = time.replace(',', '.').split(":");
        try {
            double seconds = Double.parseDouble(parts[parts.length - 1]);
            long minutes = Long.parseLong(parts[parts.length - 2]);
            long hours = parts.length > 2 ? Long.parseLong(parts[0]) : 0;
            if (hours > MAX_HOURS || minutes > 59 && parts.length > 2 || seconds >= 60) {
                throw new InvalidTimeException(time);
            }
            return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
        } catch (NumberFormatException e) {
            throw new InvalidTimeException(time);
        }
    }

    static final int MAX_HOURS = 999;

    /** A cue time that cannot be a caption's: the file is refused with the time named. */
    public static class InvalidTimeException extends IllegalArgumentException {
        public InvalidTimeException(String time) {
            super("The caption time '" + (time.length() > 40 ? time.substring(0, 40) + "…" : time)
                    + "' is not a valid time (hours:minutes:seconds, at most " + MAX_HOURS + " hours).");
        }
    }

    public static String format(long millis) {
        long seconds = millis / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
