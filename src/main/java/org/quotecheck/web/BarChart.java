package org.quotecheck.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A horizontal bar chart drawn as server-side SVG: no script, readable by screen readers through its table twin. */
public record BarChart(String title, List<Bar> bars, int width, int height) {

    public record Bar(String label, long value, int y, int barWidth, String css) {
    }

    static final int ROW = 28;
    static final int LABEL = 150;
    static final int PLOT = 360;

    public static BarChart of(String title, Map<String, Long> values, Map<String, String> labels) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int w = (int) Math.round((double) entry.getValue() / max * PLOT);
            bars.add(new Bar(labels.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), y, Math.max(w, entry.getValue() > 0 ? 2 : 0),
                    "bar-" + entry.getKey().toLowerCase().replace('_', '-')));
            y += ROW;
        }
        return new BarChart(title, bars, LABEL + PLOT + 60, Math.max(ROW, y));
    }

    public int labelWidth() {
        return LABEL;
    }

    public boolean isEmpty() {
        return bars.stream().allMatch(b -> b.value() == 0);
    }
}
