package org.quotecheck.verification.meaning;

import org.quotecheck.text.NumberFinder;
import org.quotecheck.text.NumberMention;
import org.quotecheck.verification.meaning.Facts.Name;
import org.quotecheck.verification.meaning.Facts.Party;
import org.quotecheck.verification.meaning.Facts.Role;
import org.quotecheck.verification.meaning.Facts.Word;
import org.quotecheck.verification.meaning.Quantity.Dimension;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts of a sentence or passage (see {@link Facts}). Rule-based and linear in the text; pure Java.
 * Quantities are read in order of specificity, each consuming its words: times of day (ignored), dates, durations
 * in words ("an hour", "three quarters of an hour"), proportions ("one in three", "a third"), multipliers
 * ("doubled", "rose by a third", "three times as"), then every other number with its unit.
 */
final class FactExtractor {

    private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d+)";
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(?i)\\b\\d{1,2}(?::\\d{2})?\\s?(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:(" + String.join("|", MeaningLexicon.MONTHS)
            + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + String.join("|", MeaningLexicon.MONTHS) + ")\\b)");
    private static final Pattern DURATION_WORDS = Pattern.compile("(?i)\\b(?:(?<part>half|a quarter|quarter|three quarters|three-quarters)"
            + "\\s+(?:of\\s+)?an?\\s+(?<unit1>hour|day|year|minute)|(?<an>an?|one)\\s+(?:whole\\s+|full\\s+|entire\\s+)?(?<unit2>hour|minute|day|week|month|year|decade)"
            + "(?<andhalf>\\s+and\\s+a\\s+half)?)\\b");
    /** A fiscal or school year, "2025-26": the year it begins. */
    private static final Pattern YEAR_SPAN = Pattern.compile("\\b((?:19|20)\\d\\d)\\s?[-–/]\\s?(?:\\d\\d|(?:19|20)\\d\\d)\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)\\b(" + String.join("|", MeaningLexicon.MONTHS)
            + ")(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d))?\\b");
    private static final Pattern MONEY_WORDS = Pattern.compile("(?i)\\b([\\w-]+(?:\\s[\\w-]+)?)\\s+(dollars|pounds|euros)\\s+and\\s+"
            + "([\\w-]+(?:\\s[\\w-]+)?)\\s+(cents|pence)\\b");
    private static final Pattern CHANGE_OF = Pattern.compile("(?i)\\b(?<noun>increase|rise|growth|jump|gain|hike|decrease|drop|fall|"
            + "decline|cut|reduction)\\s+of\\s+(?:about\\s+|around\\s+|nearly\\s+|roughly\\s+)?(?<pct>\\d+(?:\\.\\d+)?)\\s?(?:%|percent|per cent)");
    /** "three more years", "a further 24 months". */
    private static final Pattern MORE_DURATION = Pattern.compile("(?i)\\b(?:a\\s+)?(?<n>\\d+|" + NUMBER_WORD.replace("(?:", "(?:twenty|thirty|")
            + ")\\s+(?:more|further|additional|extra|consecutive|straight)\\s+(?<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\\b"
            + "|\\ba\\s+(?:further|additional)\\s+(?<n2>\\d+)\\s+(?<unit2>minutes?|hours?|days?|weeks?|months?|years?)\\b");
    private static final Pattern ONE_IN = Pattern.compile("(?i)\\b(" + NUMBER_WORD + ")\\s+(?:in|out of)\\s+(" + NUMBER_WORD + ")\\b");
    private static final Pattern PROPORTION = Pattern.compile("(?i)\\b(" + String.join("|", MeaningLexicon.PROPORTIONS.keySet()
            .stream().sorted((a, b) -> b.length() - a.length()).toList()) + ")\\b");
    private static final Pattern CHANGE_BY = Pattern.compile("(?i)\\b(?<verb>" + String.join("|", MeaningLexicon.RISE_VERBS) + "|"
            + String.join("|", MeaningLexicon.FALL_VERBS) + ")\\s+(?:by\\s+)?(?:(?<part>half|a half|a third|one third|a quarter|"
            + "two thirds|three quarters|a fifth|a tenth)|(?<pct>\\d+(?:\\.\\d+)?)\\s?(?:%|percent|per cent))");
    private static final Pattern TIMES = Pattern.compile("(?i)\\b(?:(?<n>" + NUMBER_WORD + "|twice)\\s+times|(?<twice>twice))"
            + "\\s+(?:as|more|larger|bigger|higher|longer|greater|the|their|its|his|her|our|what|that|last|previous)\\b");
    private static final Pattern PERCENT_HIGHER = Pattern.compile("(?i)\\b(\\d+(?:\\.\\d+)?)\\s?(?:%|percent|per cent)\\s+"
            + "(higher|lower|more|less|up|down|above|below|larger|bigger|greater|smaller)\\b");
    /** A score or result: "3-1", "2–0". */
    private static final Pattern SCORE = Pattern.compile("\\b(\\d{1,2})\\s?[-–]\\s?(\\d{1,2})\\b(?![-–]\\d)");
    private static final Set<String> PEOPLE = Set.of("people", "persons", "person", "spectators", "fans", "residents",
            "voters", "volunteers", "participants", "visitors", "passengers", "citizens", "adults", "individuals", "attendees");
    private static final Pattern CUT_IN_HALF = Pattern.compile("(?i)\\b(?:cut|slashed|reduced)\\s+(?:\\w+\\s+){0,2}in\\s+half\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’]*(?:\\.[\\p{L}](?=\\.))*\\.?");

    private FactExtractor() {
    }

    static Facts extract(String text) {
        BitSet used = new BitSet(text.length());
        List<Quantity> quantities = new ArrayList<>();
        mark(used, TIME_OF_DAY.matcher(text));
        yearSpans(text, used, quantities);
        dates(text, used, quantities);
        months(text, used, quantities);
        moneyInWords(text, used, quantities);
        durationWords(text, used, quantities);
        multipliers(text, used, quantities);
        proportions(text, used, quantities);
        scores(text, used, quantities);
        numbers(text, used, quantities);
        quantities.sort(java.util.Comparator.comparingInt(Quantity::start));
        inheritDimensions(text, quantities);
        List<Tok> tokens = tokens(text);
        List<Name> names = names(text, tokens);
        List<Word> negations = new ArrayList<>();
        Set<MeaningLexicon.Action> actions = EnumSet.noneOf(MeaningLexicon.Action.class);
        List<Word> actionWords = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Tok t = tokens.get(i);
            boolean notOnly = t.lower.equals("not") && i + 1 < tokens.size()
                    && Set.of("only", "just", "least", "merely").contains(tokens.get(i + 1).lower);
            boolean fellShort = t.lower.equals("short") && i > 0
                    && Set.of("fell", "falls", "fall", "falling", "came", "comes", "come").contains(tokens.get(i - 1).lower);
            if (fellShort || !notOnly && (MeaningLexicon.NEGATIONS.contains(t.lower) || t.lower.endsWith("n't"))) {
                negations.add(new Word(t.text, t.start, t.end));
            }
            String pair = i + 1 < tokens.size() ? t.lower + " " + tokens.get(i + 1).lower : null;
            Set<MeaningLexicon.Action> found = pair != null && MeaningLexicon.ACTION_WORDS.containsKey(pair)
                    ? MeaningLexicon.ACTION_WORDS.get(pair) : MeaningLexicon.ACTION_WORDS.get(t.lower);
            if (found != null) {
                actions.addAll(found);
                boolean both = pair != null && MeaningLexicon.ACTION_WORDS.containsKey(pair);
                int end = both ? tokens.get(i + 1).end : t.end;
                actionWords.add(new Word(text.substring(t.start, end), t.start, end));
            }
        }
        return new Facts(List.copyOf(quantities), names, negations, actions, actionWords, roles(text, tokens, names));
    }

    // --- quantities ------------------------------------------------------------------------------------------

    private static void dates(String text, BitSet used, List<Quantity> out) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            if (overlaps(used, m.start(), m.end())) {
                continue;
            }
            String month = m.group(1) != null ? m.group(1) : m.group(4);
            int day = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            if (day < 1 || day > 31) {
                continue;
            }
            int monthNumber = MeaningLexicon.MONTHS.indexOf(month.toLowerCase(Locale.ROOT)) + 1;
            out.add(new Quantity(Dimension.DATE, null, monthNumber * 100 + day, false, m.group(), m.start(), m.end()));
            used.set(m.start(), m.end());
        }
    }

    private static void yearSpans(String text, BitSet used, List<Quantity> out) {
        Matcher m = YEAR_SPAN.matcher(text);
        while (m.find()) {
            out.add(new Quantity(Dimension.YEAR, null, Integer.parseInt(m.group(1)), false, m.group(), m.start(), m.end()));
            used.set(m.start(), m.end());
        }
    }

    /** "in February 2024", "in August": a month, with its year when given. */
    private static void months(String text, BitSet used, List<Quantity> out) {
        Matcher m = MONTH_YEAR.matcher(text);
        while (m.find()) {
            if (overlaps(used, m.start(), m.end()) || m.group(1).equalsIgnoreCase("may") && !Character.isUpperCase(m.group(1).charAt(0))
                    || m.group(1).equals("March") && m.group(2) == null && m.start() == 0) {
                continue;
            }
            int month = MeaningLexicon.MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
            int year = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (!Character.isUpperCase(m.group(1).charAt(0))) {
                continue; // "march", "may": verbs more often than months
            }
            out.add(new Quantity(Dimension.MONTH, null, year * 100 + month, false, m.group(), m.start(), m.end()));
            used.set(m.start(), m.end());
        }
    }

    /** "two dollars and fifty cents" is $2.50. */
    private static void moneyInWords(String text, BitSet used, List<Quantity> out) {
        Matcher m = MONEY_WORDS.matcher(text);
        while (m.find()) {
            List<NumberMention> whole = NumberFinder.find(m.group(1));
            List<NumberMention> cents = NumberFinder.find(m.group(3));
            if (whole.isEmpty() || cents.isEmpty()) {
                continue;
            }
            String currency = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "pounds" -> "GBP";
                case "euros" -> "EUR";
                default -> "USD";
            };
            int start = m.start() + whole.get(0).start();
            out.add(new Quantity(Dimension.MONEY, currency, whole.get(0).value() + cents.get(0).value() / 100, hedged(text, start),
                    text.substring(start, m.end()), start, m.end()));
            used.set(start, m.end());
        }
    }

    private static void durationWords(String text, BitSet used, List<Quantity> out) {
        Matcher more = MORE_DURATION.matcher(text);
        while (more.find()) {
            String n = more.group("n") != null ? more.group("n") : more.group("n2");
            String unit = (more.group("unit") != null ? more.group("unit") : more.group("unit2")).toLowerCase(Locale.ROOT);
            List<NumberMention> value = NumberFinder.find(n);
            double count = value.isEmpty() ? number(n) : value.get(0).value();
            out.add(new Quantity(Dimension.DURATION, null, count * MeaningLexicon.MINUTES_PER.get(unit), hedged(text, more.start()),
                    more.group(), more.start(), more.end()));
            used.set(more.start(), more.end());
        }
        Matcher m = DURATION_WORDS.matcher(text);
        while (m.find()) {
            if (overlaps(used, m.start(), m.end()) || relativeOrRate(text, m.start(), m.end())) {
                continue;
            }
            double minutes;
            if (m.group("part") != null) {
                String part = m.group("part").toLowerCase(Locale.ROOT);
                double share = part.startsWith("half") ? 0.5 : part.startsWith("three") ? 0.75 : 0.25;
                minutes = share * MeaningLexicon.MINUTES_PER.get(m.group("unit1").toLowerCase(Locale.ROOT));
            } else {
                minutes = MeaningLexicon.MINUTES_PER.get(m.group("unit2").toLowerCase(Locale.ROOT))
                        * (m.group("andhalf") != null ? 1.5 : 1);
            }
            out.add(new Quantity(Dimension.DURATION, null, minutes, hedged(text, m.start()), m.group(), m.start(), m.end()));
            used.set(m.start(), m.end());
        }
    }

    /**
     * "a month earlier", "a year ago": a point in time, not a length; "1.1 cubic kilometres a year", "twice a day":
     * a rate. Neither is a duration to check.
     */
    private static boolean relativeOrRate(String text, int start, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 12)).toLowerCase(Locale.ROOT).stripLeading();
        if (after.matches("^(?:earlier|later|ago|before|after|on|in advance|beforehand)\\b.*")) {
            return true;
        }
        String before = text.substring(Math.max(0, start - 40), start).toLowerCase(Locale.ROOT);
        Matcher last = Pattern.compile("([a-z]+)\\s*$").matcher(before);
        if (last.find() && DURATION_LEADS.contains(last.group(1))) {
            return false; // "took a quarter of an hour", "for an hour": a length
        }
        return before.matches(".*(?:\\d|twice|once|times|pounds|dollars|euros|crowns|percent)[^.,;]{0,30}$");
    }

    private static final Set<String> DURATION_LEADS = Set.of("for", "took", "take", "takes", "lasted", "last", "lasts",
            "in", "after", "within", "over", "about", "around", "nearly", "almost", "than", "of", "is", "was", "spent",
            "spend", "waited", "wait", "by", "until", "whole", "entire", "full", "ran", "runs", "lasting", "taking");
    // (kept as a list above: no word twice)

    private static void multipliers(String text, BitSet used, List<Quantity> out) {
        Matcher changeOf = CHANGE_OF.matcher(text);
        while (changeOf.find()) {
            boolean up = Set.of("increase", "rise", "growth", "jump", "gain", "hike").contains(changeOf.group("noun").toLowerCase(Locale.ROOT));
            double share = Double.parseDouble(changeOf.group("pct")) / 100;
            out.add(new Quantity(Dimension.MULTIPLIER, null, up ? 1 + share : 1 - share, hedged(text, changeOf.start()),
                    changeOf.group(), changeOf.start(), changeOf.end()));
            used.set(changeOf.start(), changeOf.end());
        }
        Matcher relative = PERCENT_HIGHER.matcher(text);
        while (relative.find()) {
            boolean up = Set.of("higher", "more", "up", "above", "larger", "bigger", "greater")
                    .contains(relative.group(2).toLowerCase(Locale.ROOT));
            double share = Double.parseDouble(relative.group(1)) / 100;
            out.add(new Quantity(Dimension.MULTIPLIER, null, up ? 1 + share : 1 - share, hedged(text, relative.start()),
                    relative.group(), relative.start(), relative.end()));
            used.set(relative.start(), relative.end());
        }
        Matcher change = CHANGE_BY.matcher(text);
        while (change.find()) {
            boolean rise = MeaningLexicon.RISE_VERBS.contains(change.group("verb").toLowerCase(Locale.ROOT));
            double share = change.group("part") != null
                    ? MeaningLexicon.PROPORTIONS.getOrDefault(change.group("part").toLowerCase(Locale.ROOT), 50.0) / 100
                    : Double.parseDouble(change.group("pct")) / 100;
            int start = change.start("part") >= 0 ? change.start("part") : change.start("pct");
            out.add(new Quantity(Dimension.MULTIPLIER, null, rise ? 1 + share : 1 - share, hedged(text, change.start()),
                    change.group(), change.start(), change.end()));
            used.set(start, change.end());
        }
        Matcher half = CUT_IN_HALF.matcher(text);
        while (half.find()) {
            if (!overlaps(used, half.start(), half.end())) {
                out.add(new Quantity(Dimension.MULTIPLIER, null, 0.5, false, half.group(), half.start(), half.end()));
                used.set(half.start(), half.end());
            }
        }
        Matcher times = TIMES.matcher(text);
        while (times.find()) {
            if (overlaps(used, times.start(), times.end())) {
                continue;
            }
            String n = times.group("twice") != null ? "twice" : times.group("n").toLowerCase(Locale.ROOT);
            double factor = n.equals("twice") ? 2 : MeaningLexicon.SMALL_NUMBERS.containsKey(n) ? MeaningLexicon.SMALL_NUMBERS.get(n)
                    : Double.parseDouble(n);
            out.add(new Quantity(Dimension.MULTIPLIER, null, factor, hedged(text, times.start()), times.group(), times.start(), times.end()));
            used.set(times.start(), times.end());
        }
        for (Tok t : tokens(text)) {
            Double factor = MeaningLexicon.MULTIPLIER_VERBS.get(t.lower);
            if (factor != null && !overlaps(used, t.start, t.end)) {
                out.add(new Quantity(Dimension.MULTIPLIER, null, factor, hedged(text, t.start), t.text, t.start, t.end));
                used.set(t.start, t.end);
            }
        }
    }

    private static void proportions(String text, BitSet used, List<Quantity> out) {
        Matcher oneIn = ONE_IN.matcher(text);
        while (oneIn.find()) {
            double of = number(oneIn.group(2));
            if (of > 1 && !overlaps(used, oneIn.start(), oneIn.end())) {
                out.add(new Quantity(Dimension.PROPORTION, null, 100 * number(oneIn.group(1)) / of, hedged(text, oneIn.start()),
                        oneIn.group(), oneIn.start(), oneIn.end(), true));
                used.set(oneIn.start(), oneIn.end());
            }
        }
        Matcher words = PROPORTION.matcher(text);
        while (words.find()) {
            if (!overlaps(used, words.start(), words.end())) {
                out.add(new Quantity(Dimension.PROPORTION, null, MeaningLexicon.PROPORTIONS.get(words.group(1).toLowerCase(Locale.ROOT)),
                        hedged(text, words.start()), words.group(), words.start(), words.end(), true));
                used.set(words.start(), words.end());
            }
        }
    }

    private static void scores(String text, BitSet used, List<Quantity> out) {
        Matcher m = SCORE.matcher(text);
        while (m.find()) {
            if (!overlaps(used, m.start(), m.end())) {
                out.add(new Quantity(Dimension.COUNT, "score", Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)),
                        false, m.group(), m.start(), m.end()));
                used.set(m.start(), m.end());
            }
        }
    }

    private static void numbers(String text, BitSet used, List<Quantity> out) {
        for (NumberMention n : NumberFinder.find(text)) {
            if (overlaps(used, n.start(), n.end())) {
                continue;
            }
            String unit = n.unit() == null ? null : n.unit().toLowerCase(Locale.ROOT);
            boolean hedge = hedged(text, n.start());
            Quantity q;
            if (unit != null && MeaningLexicon.MINUTES_PER.containsKey(unit)) {
                q = new Quantity(Dimension.DURATION, null, n.value() * MeaningLexicon.MINUTES_PER.get(unit), hedge, n.text(), n.start(), n.end());
            } else if ("percent".equals(unit)) {
                q = new Quantity(Dimension.PROPORTION, null, n.value(), hedge, n.text(), n.start(), n.end());
            } else if (unit != null && n.unit().length() == 3 && n.unit().equals(n.unit().toUpperCase(Locale.ROOT))) {
                q = new Quantity(Dimension.MONEY, n.unit(), n.value(), hedge, n.text(), n.start(), n.end());
            } else if (unit != null && !unit.equals("points")) {
                q = new Quantity(Dimension.COUNT, countUnit(unit), n.value(), hedge, n.text(), n.start(), n.end());
            } else if (unit == null && n.value() >= 1800 && n.value() <= 2100 && n.value() == Math.rint(n.value())
                    && n.text().matches("\\d{4}")) {
                q = new Quantity(Dimension.YEAR, null, n.value(), false, n.text(), n.start(), n.end());
            } else {
                String noun = nounAfter(text, n.end());
                q = noun != null && unit == null
                        ? new Quantity(Dimension.COUNT, countUnit(noun), n.value(), hedge, n.text() + " " + noun, n.start(), n.end() + 1 + noun.length())
                        : new Quantity(Dimension.NUMBER, unit, n.value(), hedge, n.text(), n.start(), n.end());
            }
            out.add(q);
            used.set(n.start(), n.end());
        }
    }

    /** Words that make a bare number continue the quantity before it: "20 minutes but lasted 45", "from 3.1 to 4.6". */
    private static final Pattern LINKED = Pattern.compile("(?i)\\b(?:but|and|to|than|from|or|versus|vs|lasted|lasting|ran|"
            + "ended up|up to|down to|instead of|against)\\W*(?:\\w+\\W+){0,2}$");

    /** "scheduled for 20 minutes but lasted 45": a bare number takes the dimension of the one before it. */
    private static void inheritDimensions(String text, List<Quantity> quantities) {
        for (int i = 1; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            Quantity before = quantities.get(i - 1);
            if (q.start() < before.end()) {
                continue; // overlapping readings of the same words ("ten ten"): nothing lies between them to link
            }
            boolean sameSentence = text.substring(before.end(), q.start()).chars().noneMatch(c -> c == '.' || c == '\n');
            if (q.dimension() == Dimension.NUMBER && q.unit() == null && sameSentence && q.start() - before.end() < 80
                    && LINKED.matcher(text.substring(before.end(), q.start())).find()
                    && (before.dimension() == Dimension.DURATION || before.dimension() == Dimension.PROPORTION
                    || before.dimension() == Dimension.MONEY || before.dimension() == Dimension.COUNT)) {
                double value = q.value();
                if (before.dimension() == Dimension.DURATION) {
                    // In the unit the earlier number was written in: "20 minutes … 45" is 45 minutes, "2 hours … 3" is 3 hours.
                    value = q.value() * (before.value() / unitValue(before));
                }
                quantities.set(i, new Quantity(before.dimension(), before.unit(), value, q.approximate(), q.text(), q.start(), q.end(),
                        before.fraction()));
            }
        }
    }

    /** The number as written in a duration ("20 minutes" and "twenty minutes" are 20, "an hour" is 1). */
    private static double unitValue(Quantity duration) {
        List<NumberMention> numbers = NumberFinder.find(duration.text());
        return numbers.isEmpty() || numbers.get(0).value() == 0 ? 1 : numbers.get(0).value();
    }

    /** What a number counts, when the next word says it: "16 researchers", "0.5 cubic kilometres". */
    private static String nounAfter(String text, int end) {
        Matcher next = Pattern.compile("^ ([a-z][a-z-]{2,})\\b").matcher(text.substring(end, Math.min(text.length(), end + 40)));
        if (!next.find()) {
            return null;
        }
        String word = next.group(1);
        return org.quotecheck.verification.WordLists.STOPWORDS.contains(word) || NOT_UNITS.contains(word) ? null : word;
    }

    private static final Set<String> NOT_UNITS = Set.of("percent", "per", "more", "less", "than", "times", "votes",
            "over", "under", "into", "after", "before", "since", "until", "about", "between", "among", "during", "against",
            "through", "because", "while", "when", "where", "which", "who", "whom", "whose", "each", "every", "other");

    private static String countUnit(String unit) {
        return PEOPLE.contains(unit) ? "person" : singular(unit);
    }

    private static String singular(String unit) {
        if (unit.endsWith("ies") && unit.length() > 4) {
            return unit.substring(0, unit.length() - 3) + "y";
        }
        return unit.endsWith("s") && unit.length() > 3 && !unit.endsWith("ss") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static double number(String word) {
        Double small = MeaningLexicon.SMALL_NUMBERS.get(word.toLowerCase(Locale.ROOT));
        return small != null ? small : Double.parseDouble(word);
    }

    private static boolean hedged(String text, int start) {
        String before = text.substring(Math.max(0, start - 16), start).toLowerCase(Locale.ROOT).strip();
        for (String hedge : MeaningLexicon.HEDGES) {
            if (before.endsWith(hedge) && (before.length() == hedge.length()
                    || !Character.isLetter(before.charAt(before.length() - hedge.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static void mark(BitSet used, Matcher m) {
        while (m.find()) {
            used.set(m.start(), m.end());
        }
    }

    private static boolean overlaps(BitSet used, int start, int end) {
        int next = used.nextSetBit(start);
        return next >= 0 && next < end;
    }

    // --- words, names and roles --------------------------------------------------------------------------------

    /** A word of the text: as written, lower case, offsets, and whether it opens a sentence. */
    record Tok(String text, String lower, int start, int end, boolean sentenceStart) {
    }

    static List<Tok> tokens(String text) {
        List<Tok> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String word = m.group();
            int end = m.end();
            if (word.endsWith(".") && !word.matches("(?:\\p{L}\\.)+")) {
                word = word.substring(0, word.length() - 1);
                end--;
            }
            String between = text.substring(previousEnd, m.start());
            boolean sentenceStart = tokens.isEmpty() || between.matches("(?s).*[.!?:\\n\"“‘]\\s*") || text.charAt(previousEnd - 1) == '.'
                    && !tokens.get(tokens.size() - 1).text.matches("(?:\\p{L}\\.)+|\\p{L}");
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            tokens.add(new Tok(word, lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower, m.start(), end, sentenceStart));
            previousEnd = end;
        }
        return tokens;
    }

    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "stated", "noted", "argued", "warned");

    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "on", "in", "at", "of", "and", "but", "or",
            "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "his", "her", "their",
            "our", "its", "around", "about", "after", "before", "when", "while", "as", "if", "for", "to", "with", "by",
            "yes", "no", "good", "also", "of course", "given", "therefore", "some", "many", "most", "all", "both",
            "last", "next", "since", "during", "today", "yesterday", "tomorrow", "here", "what", "why", "how", "did",
            "do", "does", "will", "would", "can", "could", "should", "may", "might", "must", "is", "are", "was", "were");

    static List<Name> names(String text, List<Tok> tokens) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Tok t = tokens.get(i);
            if (!isNameWord(t)) {
                i++;
                continue;
            }
            int j = i;
            List<String> words = new ArrayList<>();
            boolean titled = false;
            while (j < tokens.size() && (j == i || joined(text, tokens.get(j - 1), tokens.get(j)))
                    && (isNameWord(tokens.get(j)) || j > i && tokens.get(j).lower.equals("of")
                    && j + 1 < tokens.size() && isNameWord(tokens.get(j + 1)) && !(titled && countryFrom(tokens, j + 1)))) {
                Tok w = tokens.get(j);
                if (MeaningLexicon.TITLES.contains(w.lower)) {
                    titled = true;
                } else if (!MeaningLexicon.MONTHS.contains(w.lower) && !MeaningLexicon.WEEKDAYS.contains(w.lower)) {
                    words.add(w.lower);
                }
                j++;
            }
            while (!words.isEmpty() && words.get(words.size() - 1).equals("of")) {
                words.remove(words.size() - 1);
            }
            if (titled && words.contains("of")) {
                // "Superintendent of Schools Richard Pemberton": the title's body, then the person.
                int of = words.indexOf("of");
                int k = of + 1;
                while (k < words.size() && MeaningLexicon.ORG_WORDS.contains(words.get(k))) {
                    k++;
                }
                if (k < words.size() && k > of + 1) {
                    words = new ArrayList<>(words.subList(k, words.size()));
                }
            }
            if (!words.isEmpty() && MeaningLexicon.DEMONYMS.contains(words.get(words.size() - 1))) {
                words.clear(); // "the South Korean leader": an adjective, not a name
            }
            if (!words.isEmpty()) {
                String joined = String.join(" ", words);
                String country = MeaningLexicon.COUNTRIES.get(joined.replace(".", " ").strip().replaceAll("\\s+", " "));
                if (country == null) {
                    country = MeaningLexicon.COUNTRIES.get(joined.replaceAll("\\.$", ""));
                }
                boolean organisation = words.stream().anyMatch(MeaningLexicon.ORG_WORDS::contains);
                Name.Kind kind = country != null ? Name.Kind.COUNTRY
                        : (titled || words.size() >= 2) && !organisation ? Name.Kind.PERSON : Name.Kind.OTHER;
                // A lone capitalised word opening a sentence is a name only if it acts ("Keller met", "Adeyemi scored")
                // or the text capitalises it elsewhere too; otherwise it is just the first word ("Analysts", "Rents").
                boolean acts = j < tokens.size() && (MeaningLexicon.ROLE_VERBS.containsKey(tokens.get(j).lower)
                        || SPEECH.contains(tokens.get(j).lower));
                boolean seenElsewhere = tokens.stream().anyMatch(o -> o != t && !o.sentenceStart && o.text.equals(t.text));
                boolean singleSentenceOpener = j - i == 1 && t.sentenceStart && country == null && !titled && !acts && !seenElsewhere;
                if (!singleSentenceOpener && !NOT_NAMES.contains(joined)) {
                    names.add(new Name(text.substring(t.start, tokens.get(j - 1).end), country != null ? country : joined, kind,
                            t.start, tokens.get(j - 1).end));
                }
            }
            i = Math.max(j, i + 1);
        }
        return names;
    }

    /** Two words of one name: only a space (or a hyphen) between them, no comma, question mark or line break. */
    private static boolean joined(String text, Tok before, Tok after) {
        String between = text.substring(before.end, after.start);
        return between.equals(" ") || between.equals("-");
    }

    /** Whether the capitalised words from {@code k} name a country ("President Lee of South Korea"). */
    private static boolean countryFrom(List<Tok> tokens, int k) {
        StringBuilder run = new StringBuilder();
        for (int j = k; j < tokens.size() && isNameWord(tokens.get(j)); j++) {
            run.append(run.length() == 0 ? "" : " ").append(tokens.get(j).lower);
            if (MeaningLexicon.COUNTRIES.containsKey(run.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameWord(Tok t) {
        char first = t.text.charAt(0);
        return Character.isUpperCase(first) && !NOT_NAMES.contains(t.lower) && t.text.length() > 1;
    }

    /**
     * "X invited Y" for the verbs of {@link MeaningLexicon#ROLE_VERBS}: the doer is the nearest party before the verb
     * that is not the object of a preposition ("met her in Brussels"), or the sentence's subject when the verb
     * continues it ("…and invited her", ", beating Caldwell"); the receiver is the nearest party after it.
     */
    private static List<Role> roles(String text, List<Tok> tokens, List<Name> names) {
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String verb = MeaningLexicon.ROLE_VERBS.get(tokens.get(i).lower);
            if (verb == null) {
                continue;
            }
            int sentenceStart = i;
            while (sentenceStart > 0 && !tokens.get(sentenceStart).sentenceStart) {
                sentenceStart--;
            }
            boolean continues = i > 0 && (tokens.get(i - 1).lower.equals("and")
                    || text.substring(tokens.get(i - 1).end, tokens.get(i).start).contains(","));
            Party agent = null;
            if (continues) {
                for (int k = sentenceStart; k < i && agent == null; k++) {
                    agent = subject(tokens, k, names);
                }
            }
            for (int k = i - 1; k >= Math.max(sentenceStart, i - 6) && agent == null; k--) {
                agent = subject(tokens, k, names);
            }
            Party patient = null;
            for (int k = i + 1; k <= Math.min(tokens.size() - 1, i + 5) && patient == null; k++) {
                patient = party(tokens.get(k), names);
            }
            if (agent != null || patient != null) {
                roles.add(new Role(verb, agent, patient, tokens.get(i).start, tokens.get(i).end));
            }
        }
        return roles;
    }

    /** A party at token k that can be a subject: not the object of a preposition. */
    private static Party subject(List<Tok> tokens, int k, List<Name> names) {
        Party party = party(tokens.get(k), names);
        if (party == null) {
            return null;
        }
        int first = k;
        for (Name name : names) {
            if (tokens.get(k).start >= name.start() && tokens.get(k).end <= name.end()) {
                while (first > 0 && tokens.get(first - 1).start >= name.start()) {
                    first--;
                }
            }
        }
        int before = first - 1;
        while (before >= 0 && Set.of("the", "a", "an").contains(tokens.get(before).lower)) {
            before--;
        }
        return before >= 0 && MeaningLexicon.PREPOSITIONS.contains(tokens.get(before).lower) ? null : party;
    }

    private static Party party(Tok t, List<Name> names) {
        if (MeaningLexicon.FIRST_PERSON.contains(t.lower) && !(t.lower.equals("us") && t.text.equals("US"))) {
            return new Party(Party.Type.FIRST_PERSON, t.lower);
        }
        if (MeaningLexicon.THIRD_PERSON.contains(t.lower) && !t.lower.equals("they") && !t.lower.equals("them")) {
            return new Party(Party.Type.THIRD_PERSON, t.lower);
        }
        for (Name name : names) {
            if (t.start >= name.start() && t.end <= name.end()) {
                return new Party(Party.Type.NAMED, name.canonical());
            }
        }
        if (MeaningLexicon.TITLES.contains(t.lower) && Character.isUpperCase(t.text.charAt(0))) {
            return new Party(Party.Type.TITLED, t.lower);
        }
        return null;
    }
}
