package org.quotecheck.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A horizontal bar chart drawn as server-side SVG: no script, readable by screen readers through its table twin. */
public record BarChart(String title, List<Bar> bars, int width, int height) {

    /** One bar: {@code y}/{@code barWidth} place it in a horizontal chart, {@code x}/{@code columnHeight} in a column chart. */
    public record Bar(String label, long value, int y, int barWidth, String css, int x, int columnHeight) {
        /** Top of the column in a column chart. */
        public int columnTop() {
            return COLUMN_PLOT - columnHeight + 10;
        }
    }

    static final int COLUMN = 22;
    static final int COLUMN_PLOT = 120;

    static final int ROW = 28;
    static final int LABEL = 150;
    static final int PLOT = 360;

    public static BarChart of(String title, Map<String, Long> values, Map<String, String> labels) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        int x = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int w = (int) Math.round((double) entry.getValue() / max * PLOT);
            int h = (int) Math.round((double) entry.getValue() / max * COLUMN_PLOT);
            bars.add(new Bar(labels.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), y,
                    Math.max(w, entry.getValue() > 0 ? 2 : 0), "bar-" + entry.getKey().toLowerCase().replace('_', '-'), x,
                    Math.max(h, entry.getValue() > 0 ? 2 : 0)));
            y += ROW;
            x += COLUMN;
        }
        return new BarChart(title, bars, LABEL + PLOT + 60, Math.max(ROW, y));
    }

    /** Width of the same data drawn as columns. */
    public int columnsWidth() {
        return Math.max(COLUMN, bars.size() * COLUMN);
    }

    public int columnsHeight() {
        return COLUMN_PLOT + 40;
    }

    public int labelWidth() {
        return LABEL;
    }

    public boolean isEmpty() {
        return bars.stream().allMatch(b -> b.value() == 0);
    }
}
