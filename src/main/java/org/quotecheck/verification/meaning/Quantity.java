package org.quotecheck.verification.meaning;

import java.util.Set;

/**
 * A quantity a text states, in a comparable form: durations in minutes, proportions in percent, money by currency,
 * counts by what they count, years, dates as month × 100 + day, multipliers as factors ("halved" is 0.5, "rose by a
 * third" is 1.33). {@code approximate} when the text hedges it ("about", "roughly", "nearly"). A bare number takes
 * the dimension of the quantity before it in the same sentence ("scheduled for 20 minutes but lasted 45").
 */
public record Quantity(Dimension dimension, String unit, double value, boolean approximate, String text, int start, int end,
                       boolean fraction) {

    Quantity(Dimension dimension, String unit, double value, boolean approximate, String text, int start, int end) {
        this(dimension, unit, value, approximate, text, start, end, false);
    }

    public enum Dimension { DURATION, PROPORTION, MONEY, COUNT, YEAR, DATE, MONTH, MULTIPLIER, NUMBER }

    /** Whether two quantities can be compared: same dimension and unit, or a bare number against anything. */
    boolean comparableWith(Quantity other) {
        if (dimension == Dimension.NUMBER || other.dimension == Dimension.NUMBER) {
            Set<Dimension> apart = Set.of(Dimension.YEAR, Dimension.DATE, Dimension.MONTH, Dimension.MULTIPLIER);
            return !apart.contains(dimension) && !apart.contains(other.dimension);
        }
        if (isChange(this, other) || isChange(other, this)) {
            return true;
        }
        return dimension == other.dimension && (unit == null || other.unit == null || unit.equals(other.unit));
    }

    /** Whether two counts may be the same thing in other words ("23 people", "23 confirmed cases"). */
    boolean loosely(Quantity other) {
        return dimension == Dimension.COUNT && other.dimension == Dimension.COUNT;
    }

    /** "8 % more" (× 1.08) and "an increase of 8 percent": a multiplier against the percentage it changes by. */
    private static boolean isChange(Quantity multiplier, Quantity proportion) {
        return multiplier.dimension == Dimension.MULTIPLIER && proportion.dimension == Dimension.PROPORTION;
    }

    /**
     * Equal, within 1 % (or 10 % when either side hedges). A proportion in words ("a third", "one in five") is
     * rounded by nature: it agrees within 2.5 points of a percentage (5 when hedged).
     */
    boolean agreesWith(Quantity other) {
        if (dimension == Dimension.MONTH && other.dimension == Dimension.MONTH) {
            boolean yearsKnown = value >= 100 && other.value >= 100;
            return yearsKnown ? value == other.value : value % 100 == other.value % 100;
        }
        if (dimension == Dimension.YEAR || dimension == Dimension.DATE || other.dimension == Dimension.YEAR
                || other.dimension == Dimension.DATE || dimension == Dimension.MONTH || other.dimension == Dimension.MONTH) {
            return value == other.value;
        }
        if (isChange(this, other) || isChange(other, this)) {
            Quantity m = dimension == Dimension.MULTIPLIER ? this : other;
            Quantity p = m == this ? other : this;
            double change = Math.abs(m.value - 1) * 100;
            return Math.abs(change - p.value) <= (m.approximate || p.approximate ? 5 : 0.5);
        }
        double tolerance;
        if (dimension == Dimension.PROPORTION && other.dimension == Dimension.PROPORTION && (fraction || other.fraction)) {
            tolerance = approximate || other.approximate ? 5 : 2.5;
            return Math.abs(value - other.value) <= tolerance;
        }
        tolerance = approximate || other.approximate ? 0.1 : 0.01;
        double scale = Math.max(Math.abs(value), Math.abs(other.value));
        return Math.abs(value - other.value) <= tolerance * scale + 1e-9;
    }

    /** How the value reads in an explanation: "60 minutes", "33 %", "× 2". */
    String describe() {
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
        return switch (dimension) {
            case DURATION -> number + " minutes";
            case PROPORTION -> number + " %";
            case MULTIPLIER -> "× " + number;
            case MONEY -> number + " " + unit;
            case COUNT -> number + (unit == null ? "" : " " + unit);
            case DATE -> MeaningLexicon.monthName((int) value / 100) + " " + (int) value % 100;
            case MONTH -> MeaningLexicon.monthName((int) value % 100) + (value >= 100 ? " " + (int) value / 100 : "");
            default -> number;
        };
    }
}
