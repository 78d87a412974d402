package org.quotecheck.text;

/**
 * A number as written in a text: its exact words ({@code text}, at {@code start}..{@code end}), its value (scale
 * words applied: "1.8 billion" is 1.8E9) and its unit ("percent", "USD", "minutes", ...), or null for a bare number.
 */
public record NumberMention(String text, int start, int end, double value, String unit) {

    /** The value without a trailing ".0" for whole numbers, as people write it. */
    public String plainValue() {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
