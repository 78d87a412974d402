package org.quotecheck.verification.meaning;

import org.quotecheck.verification.CheckResult.FactCheck;
import org.quotecheck.verification.WordLists;
import org.quotecheck.verification.meaning.Facts.Name;
import org.quotecheck.verification.meaning.Facts.Party;
import org.quotecheck.verification.meaning.Facts.Role;
import org.quotecheck.verification.meaning.Facts.Word;
import org.quotecheck.verification.meaning.Quantity.Dimension;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lines up the facts of a claim with those of a source passage: every quantity, name, negation, kind of action and
 * who-did-what-to-whom of the claim either agrees with the passage, differs from it, or (for quantities) is not in
 * it. Facts the claim does not state are not checked. Pure Java.
 */
final class FactComparison {

    /** Words of the passage further than this from any of the claim's words are about something else. */
    private static final int NEAR = 6;

    private FactComparison() {
    }

    /**
     * @param context    facts of the text around the passage: a quantity or name the claim takes from the wider
     *                   source (a date, a country named a paragraph earlier) is not "missing"
     * @param claimWords the stems of the claim's content words, to tell the passage's own words about the same
     *                   thing from words about something else
     */
    static List<FactCheck> compare(String claimText, Facts claim, String speaker, String sourceSpeaker, Facts passage,
                                   Facts context, String passageText, String contextText, Set<String> claimWords) {
        List<FactCheck> checks = new ArrayList<>();
        quantities(claim, passage, context, passageText, checks);
        names(claim, speaker, passage, context, checks);
        List<FactExtractor.Tok> tokens = FactExtractor.tokens(passageText);
        BitSetNear near = new BitSetNear(tokens, claimWords, passageText);
        polarity(claimText, claim, passage, near, tokens, checks);
        speaker(speaker, sourceSpeaker, passage, context, passageText, claimWords, checks);
        if (!claim.negations().isEmpty()) {
            // A negation the passage lacks may be in the sentence next to it ("…but would not be torn down").
            BitSetNear nearInContext = new BitSetNear(FactExtractor.tokens(contextText), claimWords, contextText);
            boolean negatedNearby = context.negations().stream().anyMatch(w -> nearInContext.isNear(w.start()));
            if (negatedNearby) {
                checks.replaceAll(f -> f.kind().equals("NEGATION") && !f.agree() && f.sourceText() == null
                        ? new FactCheck("NEGATION", f.claimText(), "not (in the next sentence)", true, null) : f);
            }
        }
        roles(claim, speaker, sourceSpeaker, passage, context, checks);
        return checks;
    }

    /** Two numbers the text sets against each other: "from 310 … to 620", "between 2019 and 2024", "24 … compared with 18". */
    private static boolean linked(String text, Quantity a, Quantity b) {
        if (a.end() > b.start() || b.start() - a.end() > 80) {
            return false;
        }
        String between = text.substring(a.end(), b.start()).toLowerCase(java.util.Locale.ROOT);
        String before = text.substring(Math.max(0, a.start() - 20), a.start()).toLowerCase(java.util.Locale.ROOT);
        return between.matches("(?s).*\\b(?:to|and)\\b.*") && before.matches("(?s).*\\b(?:from|between)\\b.*")
                || between.matches("(?s).*\\b(?:compared with|compared to|versus|vs|up from|down from|against)\\b.*");
    }

    private static void quantities(Facts claim, Facts passage, Facts context, String passageText, List<FactCheck> checks) {
        List<Quantity> unused = new ArrayList<>(passage.quantities());
        FactCheck[] inOrder = new FactCheck[claim.quantities().size()];
        for (int k = 0; k < inOrder.length; k++) {
            Quantity c = claim.quantities().get(k);
            Quantity same = unused.stream().filter(p -> (c.comparableWith(p) || c.loosely(p)) && c.agreesWith(p)).findFirst().orElse(null);
            if (same != null) {
                unused.remove(same);
                inOrder[k] = new FactCheck(kind(c, same), shown(c), same.text(), true, null);
            }
        }
        for (int k = 0; k < inOrder.length; k++) {
            if (inOrder[k] != null) {
                continue;
            }
            Quantity c = claim.quantities().get(k);
            String derived = derived(c, passage.quantities(), passageText);
            if (derived != null) {
                inOrder[k] = new FactCheck(kind(c, null), shown(c), derived, true, null);
                continue;
            }
            Quantity instead = unused.stream().filter(c::comparableWith)
                    .min(java.util.Comparator.comparingDouble(p -> Math.abs(p.value() - c.value()))).orElse(null);
            if (instead != null) {
                unused.remove(instead);
                inOrder[k] = new FactCheck(kind(c, instead), shown(c), instead.text(), false,
                        c.describe() + " in the claim, " + instead.describe() + " in the source");
            } else if (context.quantities().stream().anyMatch(q -> c.comparableWith(q) && c.agreesWith(q))) {
                Quantity there = context.quantities().stream().filter(q -> c.comparableWith(q) && c.agreesWith(q)).findFirst().orElseThrow();
                inOrder[k] = new FactCheck(kind(c, there), shown(c), there.text(), true, null);
            } else if (c.dimension() != Dimension.YEAR && c.dimension() != Dimension.MONTH && c.dimension() != Dimension.DATE) {
                // (A year or month the source does not give anywhere near is not checked: "the July-to-September
                // quarter" for "the third quarter"; one it gives differently is, above.)
                inOrder[k] = new FactCheck(kind(c, null), shown(c), null, false,
                        c.dimension() == Dimension.MULTIPLIER ? "the source says nothing of " + c.text()
                                : "the source does not give " + c.describe());
            }
        }
        for (FactCheck check : inOrder) {
            if (check != null) {
                checks.add(check);
            }
        }
    }

    /** The claim's words for a quantity, with its unit where the words leave it out ("45" after "20 minutes"). */
    private static String shown(Quantity q) {
        boolean bare = q.text().chars().noneMatch(Character::isLetter) && !q.text().contains("%") && !q.text().contains("$");
        return bare && q.dimension() != Dimension.NUMBER && q.dimension() != Dimension.YEAR ? q.text() + " (" + q.describe() + ")" : q.text();
    }

    /**
     * A fact the source states only through two numbers: "doubled" for "from 310 to 620", "fell by six percentage
     * points" for "from 24 percent to 18 percent", "in five years" for "between 2019 and 2024". The words that show
     * it, or null.
     */
    private static String derived(Quantity c, List<Quantity> quantities, String text) {
        {
            for (int i = 0; i < quantities.size(); i++) {
                for (int j = i + 1; j < quantities.size(); j++) {
                    Quantity a = quantities.get(i);
                    Quantity b = quantities.get(j);
                    if (!linked(text, a, b)) {
                        continue;
                    }
                    if (a.dimension() != b.dimension() && !(a.dimension() == Dimension.NUMBER || b.dimension() == Dimension.NUMBER)) {
                        continue;
                    }
                    double tolerance = c.approximate() ? 0.1 : 0.03;
                    boolean plain = a.dimension() != Dimension.YEAR && a.dimension() != Dimension.DATE && a.dimension() != Dimension.MONTH
                            && a.value() != 0;
                    if (c.dimension() == Dimension.MULTIPLIER && plain
                            && Math.abs(b.value() / a.value() - c.value()) <= tolerance * c.value()) {
                        return a.text() + " … " + b.text();
                    }
                    boolean points = c.unit() != null && c.unit().contains("point");
                    if (points && a.dimension() == Dimension.PROPORTION && Math.abs(Math.abs(a.value() - b.value()) - c.value()) < 0.05) {
                        return a.text() + " … " + b.text();
                    }
                    if (c.dimension() == Dimension.DURATION && a.dimension() == Dimension.YEAR && b.dimension() == Dimension.YEAR
                            && Math.abs(Math.abs(b.value() - a.value()) * 525600 - c.value()) < 1) {
                        return a.text() + " … " + b.text();
                    }
                }
            }
        }
        return null;
    }

    private static String kind(Quantity claim, Quantity source) {
        Dimension d = claim.dimension() != Dimension.NUMBER || source == null ? claim.dimension() : source.dimension();
        return d == Dimension.NUMBER || d == Dimension.COUNT ? "NUMBER" : d.name();
    }

    private static void names(Facts claim, String speaker, Facts passage, Facts context, List<FactCheck> checks) {
        for (Name c : claim.names()) {
            if (speaker != null && sameName(c.canonical(), withoutTitles(speaker))) {
                continue; // the speaker of reported speech is who the source is by, not a fact in it
            }
            Name match = passage.names().stream().filter(p -> sameName(c, p)).findFirst().orElse(null);
            if (match != null) {
                checks.add(new FactCheck("NAME", c.text(), match.text(), true, null));
                continue;
            }
            // Another person or country where the claim has this one: a changed fact, even if the source names the
            // claim's one elsewhere. (An unknown kind of name cannot be said to be replaced by another.)
            Name rival = c.kind() == Name.Kind.OTHER ? null : passage.names().stream().filter(p -> p.kind() == c.kind()
                    && claim.names().stream().noneMatch(other -> sameName(other, p))
                    && (speaker == null || !sameName(p.canonical(), speaker.toLowerCase(java.util.Locale.ROOT)))).findFirst().orElse(null);
            if (rival != null) {
                checks.add(new FactCheck("NAME", c.text(), rival.text(), false, "another name: " + c.text() + " in the claim, "
                        + rival.text() + " in the source"));
                continue;
            }
            Name there = context.names().stream().filter(p -> sameName(c, p)).findFirst().orElse(null);
            if (there != null) {
                checks.add(new FactCheck("NAME", c.text(), there.text(), true, null));
            } else if (c.kind() != Name.Kind.OTHER) {
                // A person or a country the source does not name here at all cannot be confirmed by it.
                checks.add(new FactCheck("NAME", c.text(), null, false, "the source does not name " + c.text() + " here"));
            }
        }
    }

    static boolean sameName(Name a, Name b) {
        if (a.kind() == Name.Kind.COUNTRY || b.kind() == Name.Kind.COUNTRY) {
            return a.canonical().equals(b.canonical());
        }
        return sameName(a.canonical(), b.canonical());
    }

    /** The same, or one is part of the other ("Takaichi" and "Sanae Takaichi", "Lee" and "Lee Jae Myung"). */
    static boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Set<String> left = new HashSet<>(List.of(a.split(" ")));
        Set<String> right = new HashSet<>(List.of(b.split(" ")));
        left.removeAll(List.of("of", "the", "and"));
        right.removeAll(List.of("of", "the", "and"));
        return !left.isEmpty() && !right.isEmpty() && (right.containsAll(left) || left.containsAll(right));
    }

    /**
     * Negation and the kind of action, together: "would stay" agrees with "would not leave" (both flipped), "would
     * leave" does not; "raised the rate" contradicts "kept the rate unchanged". An action word of the passage counts
     * only if what follows it is what the claim's action is about (its object): in "voted against the carbon tax but
     * supported the rest", only "against" is about the carbon tax.
     */
    private static void polarity(String claimText, Facts claim, Facts passage, BitSetNear near, List<FactExtractor.Tok> tokens,
                                 List<FactCheck> checks) {
        boolean claimNegated = !claim.negations().isEmpty();
        List<Word> passageNegations = passage.negations().stream().filter(w -> near.isNear(w.start())).toList();
        boolean passageNegated = !passageNegations.isEmpty();
        Relation relation = Relation.NONE;
        String claimWords = String.join(", ", claim.actionWords().stream().map(Word::text).toList());
        List<String> sourceWords = new ArrayList<>();
        if (!claim.actions().isEmpty()) {
            Set<String> object = objectStems(claimText, claim.actionWords().get(0));
            EnumSet<MeaningLexicon.Action> nearby = EnumSet.noneOf(MeaningLexicon.Action.class);
            // The action words whose object is most like the claim's: "cut its forecast for growth this year" over
            // "kept its forecast for next year" for "kept its growth forecast for this year".
            int[] forward = new int[tokens.size()];
            int best = 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (actionAt(tokens, i) != null && near.isNear(tokens.get(i).start())) {
                    forward[i] = objectOverlap(tokens, i, object);
                    best = Math.max(best, forward[i]);
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                Set<MeaningLexicon.Action> found = actionAt(tokens, i);
                if (found == null || !near.isNear(tokens.get(i).start())) {
                    continue;
                }
                boolean relevant = best > 0 ? forward[i] == best : about(tokens, i, object);
                if (relevant) {
                    nearby.addAll(found);
                    sourceWords.add(tokens.get(i).text());
                }
            }
            if (claim.actions().stream().anyMatch(nearby::contains)) {
                relation = Relation.SAME;
            } else if (claim.actions().stream().anyMatch(c -> nearby.stream().anyMatch(p -> MeaningLexicon.OPPOSED.contains(Set.of(c, p))))) {
                relation = Relation.OPPOSED;
            }
        }
        String source = String.join(", ", sourceWords);
        boolean negationDiffers = claimNegated != passageNegated;
        if (negationDiffers && relation == Relation.OPPOSED) {
            checks.add(new FactCheck("ACTION", negated(claimNegated, claim, claimWords), negated(passageNegated, passageNegations, source),
                    true, null)); // "stay" is "not leave"
        } else if (negationDiffers) {
            String claimText2 = claimNegated ? claim.negations().get(0).text() : null;
            String sourceText = passageNegated ? passageNegations.get(0).text() : null;
            checks.add(new FactCheck("NEGATION", claimText2, sourceText, false,
                    claimNegated ? "the claim says \"" + claimText2 + "\", the source does not"
                            : "the source says \"" + sourceText + "\", the claim does not"));
        } else if (relation == Relation.OPPOSED) {
            checks.add(new FactCheck("ACTION", claimWords, source, false,
                    "opposite action: " + claimWords + " in the claim, " + source + " in the source"));
        } else {
            if (claimNegated) {
                checks.add(new FactCheck("NEGATION", claim.negations().get(0).text(), passageNegations.get(0).text(), true, null));
            }
            if (relation == Relation.SAME) {
                checks.add(new FactCheck("ACTION", claimWords, source, true, null));
            }
        }
    }

    private enum Relation { SAME, OPPOSED, NONE }

    private static final java.util.regex.Pattern SAYS = java.util.regex.Pattern.compile(
            "^\\s*(?:,[^,]{0,60},\\s*)?(?:has\\s+|had\\s+)?(?:said|says|announced|announces|stated|told|added|noted|warned|"
            + "argued|explained|confirmed|insisted|claimed)\\b");

    /**
     * Reported speech names who said it: the source must say it is theirs. Their own remarks ("I…", "we…") with their
     * name nearby agree; another person who says or announces it in the passage is a changed fact.
     */
    private static void speaker(String speaker, String sourceSpeaker, Facts passage, Facts context, String passageText,
                                Set<String> claimWords, List<FactCheck> checks) {
        if (speaker == null) {
            return;
        }
        String name = withoutTitles(speaker);
        if (name.isEmpty()) {
            return;
        }
        if (sourceSpeaker != null && !withoutTitles(sourceSpeaker).isEmpty()) {
            // A transcript: its label says who speaks.
            boolean same = sameName(withoutTitles(sourceSpeaker), name);
            checks.add(new FactCheck("SPEAKER", speaker, sourceSpeaker, same, same ? null : "said by " + sourceSpeaker
                    + " in the source, not " + speaker));
            return;
        }
        // Who speaks in the sentence that says what the claim says (a window's other sentence may be someone else's).
        PassageSplitter.Sentence sentence = bestSentence(passageText, claimWords);
        List<Name> here = passage.names().stream().filter(n -> n.start() >= sentence.start() && n.end() <= sentence.end()).toList();
        Name saidHere = here.stream().filter(n -> n.kind() != Name.Kind.COUNTRY && sameName(n.canonical(), name)).findFirst().orElse(null);
        Name other = here.stream().filter(n -> n.kind() == Name.Kind.PERSON && !sameName(n.canonical(), name)
                && SAYS.matcher(passageText.substring(n.end())).find()).findFirst().orElse(null);
        if (other != null && saidHere == null) {
            checks.add(new FactCheck("SPEAKER", speaker, other.text(), false, "said by " + other.text() + " in the source, not "
                    + speaker));
            return;
        }
        Name said = saidHere != null ? saidHere : passage.names().stream()
                .filter(n -> n.kind() != Name.Kind.COUNTRY && sameName(n.canonical(), name)).findFirst()
                .or(() -> context.names().stream().filter(n -> n.kind() != Name.Kind.COUNTRY && sameName(n.canonical(), name)).findFirst())
                .orElse(null);
        if (said != null) {
            checks.add(new FactCheck("SPEAKER", speaker, said.text(), true, null));
        }
    }

    /** The sentence of a passage with the most of the claim's content words. */
    private static PassageSplitter.Sentence bestSentence(String text, Set<String> claimWords) {
        List<PassageSplitter.Sentence> sentences = PassageSplitter.sentences(text);
        PassageSplitter.Sentence best = new PassageSplitter.Sentence(0, text.length());
        long most = -1;
        for (PassageSplitter.Sentence sentence : sentences) {
            long count = FactExtractor.tokens(text.substring(sentence.start(), sentence.end())).stream()
                    .map(t -> WordLists.stem(t.lower())).filter(claimWords::contains).distinct().count();
            if (count > most) {
                most = count;
                best = sentence;
            }
        }
        return best;
    }

    private static String withoutTitles(String speaker) {
        List<String> words = new ArrayList<>();
        for (String w : speaker.toLowerCase(java.util.Locale.ROOT).replace(".", "").split("[\\s-]+")) {
            if (!MeaningLexicon.TITLES.contains(w) && !w.isBlank() && !w.equals("the")) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    private static String negated(boolean negated, Facts facts, String words) {
        return negated ? facts.negations().get(0).text() + " " + words : words;
    }

    private static String negated(boolean negated, List<Word> negations, String words) {
        return negated ? negations.get(0).text() + " " + words : words;
    }

    private static Set<MeaningLexicon.Action> actionAt(List<FactExtractor.Tok> tokens, int i) {
        if (i + 1 < tokens.size()) {
            Set<MeaningLexicon.Action> pair = MeaningLexicon.ACTION_WORDS.get(tokens.get(i).lower() + " " + tokens.get(i + 1).lower());
            if (pair != null) {
                return pair;
            }
        }
        return MeaningLexicon.ACTION_WORDS.get(tokens.get(i).lower());
    }

    /** The content stems that follow the claim's action word: what the action is about. */
    private static Set<String> objectStems(String claimText, Word action) {
        Set<String> stems = new HashSet<>();
        for (FactExtractor.Tok t : FactExtractor.tokens(claimText.substring(Math.min(claimText.length(), action.end())))) {
            if (!WordLists.STOPWORDS.contains(t.lower()) && !Character.isDigit(t.lower().charAt(0))) {
                stems.add(WordLists.stem(t.lower()));
                if (stems.size() == 3) {
                    break;
                }
            }
        }
        return stems;
    }

    /** How many of the claim's object stems follow the passage's action word at {@code i}. */
    private static int objectOverlap(List<FactExtractor.Tok> tokens, int i, Set<String> object) {
        Set<String> seen = new HashSet<>();
        for (int k = i + 1; k < Math.min(tokens.size(), i + 11); k++) {
            String stem = WordLists.stem(tokens.get(k).lower());
            if (object.contains(stem)) {
                seen.add(stem);
            }
        }
        return seen.size();
    }

    /** Whether the words after the passage's action word at {@code i} include what the claim's action is about. */
    private static boolean about(List<FactExtractor.Tok> tokens, int i, Set<String> object) {
        if (object.isEmpty()) {
            return true;
        }
        for (int k = i + 1; k < Math.min(tokens.size(), i + 11); k++) {
            if (object.contains(WordLists.stem(tokens.get(k).lower()))) {
                return true;
            }
        }
        // Or just before it: "the rate unchanged", "the policy rate was left".
        for (int k = Math.max(0, i - 4); k < i; k++) {
            if (object.contains(WordLists.stem(tokens.get(k).lower()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Takaichi invited Lee" against "Lee invited Takaichi": the same action, the parties swapped or changed. An
     * action between two parties that the source does not report at all ("Takaichi criticised Lee" against a summary
     * that says nothing of criticism) is not confirmed by it.
     */
    private static void roles(Facts claim, String speaker, String sourceSpeaker, Facts passage, Facts context,
                              List<FactCheck> checks) {
        for (Role c : claim.roles()) {
            String claimAgent = resolve(c.agent(), speaker, speaker, true);
            String claimPatient = resolve(c.patient(), speaker, speaker, true);
            Role p = passage.roles().stream().filter(r -> r.verb().equals(c.verb())).findFirst()
                    .or(() -> context.roles().stream().filter(r -> r.verb().equals(c.verb())).findFirst()).orElse(null);
            if (p == null) {
                if (claimAgent != null && claimPatient != null && !c.verb().equals("announce") && !c.verb().equals("score")) {
                    checks.add(new FactCheck("ROLE", describe(claimAgent, c.verb(), claimPatient), null, false,
                            "the source does not say that " + describe(claimAgent, c.verb(), claimPatient)));
                }
                continue;
            }
            String sourceAgent = resolve(p.agent(), speaker, sourceSpeaker, false);
            String sourcePatient = resolve(p.patient(), speaker, sourceSpeaker, false);
            boolean agentsDiffer = differ(claimAgent, sourceAgent);
            boolean patientsDiffer = differ(claimPatient, sourcePatient);
            boolean swapped = same(claimAgent, sourcePatient) || same(claimPatient, sourceAgent);
            if (agentsDiffer || patientsDiffer || swapped) {
                checks.add(new FactCheck("ROLE", describe(claimAgent, c.verb(), claimPatient),
                        describe(sourceAgent, p.verb(), sourcePatient), false, "who did what to whom differs"));
            } else if (claimAgent != null && sourceAgent != null) {
                checks.add(new FactCheck("ROLE", describe(claimAgent, c.verb(), claimPatient),
                        describe(sourceAgent, p.verb(), sourcePatient), true, null));
            }
        }
    }

    /**
     * A party as a comparable name; null when it cannot be known (a title, "she" in a source). "I" in a source is who
     * speaks there (a transcript's label), or else the claim's speaker; "she" in reported speech is its speaker.
     */
    private static String resolve(Party party, String claimSpeaker, String textSpeaker, boolean inClaim) {
        if (party == null) {
            return null;
        }
        String speakerName = textSpeaker == null ? null : withoutTitles(textSpeaker);
        return switch (party.type()) {
            case NAMED -> party.name();
            case FIRST_PERSON -> speakerName != null && !speakerName.isEmpty() ? speakerName
                    : claimSpeaker == null ? null : withoutTitles(claimSpeaker);
            case THIRD_PERSON -> inClaim && claimSpeaker != null ? withoutTitles(claimSpeaker) : null;
            case TITLED -> null;
        };
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !sameName(a, b);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && sameName(a, b);
    }

    private static String describe(String agent, String verb, String patient) {
        return (agent == null ? "someone" : MeaningLexicon.capitalise(agent)) + " " + verb + "s "
                + (patient == null ? "someone" : MeaningLexicon.capitalise(patient));
    }

    /**
     * Which words of a passage speak of what the claim speaks of: those near one of the claim's content words, in a
     * sentence that has at least two of them (a window's other sentence, about something else, does not count).
     */
    private static final class BitSetNear {
        private final List<FactExtractor.Tok> tokens;
        private final java.util.BitSet near = new java.util.BitSet();

        BitSetNear(List<FactExtractor.Tok> tokens, Set<String> claimWords, String text) {
            this.tokens = tokens;
            List<PassageSplitter.Sentence> sentences = PassageSplitter.sentences(text);
            for (PassageSplitter.Sentence sentence : sentences) {
                Set<String> found = new HashSet<>();
                List<Integer> hits = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    FactExtractor.Tok t = tokens.get(i);
                    if (t.start() >= sentence.start() && t.end() <= sentence.end() && claimWords.contains(WordLists.stem(t.lower()))) {
                        found.add(WordLists.stem(t.lower()));
                        hits.add(i);
                    }
                }
                if (found.size() >= Math.min(2, claimWords.size())) {
                    for (int i : hits) {
                        near.set(Math.max(0, i - NEAR), Math.min(tokens.size(), i + NEAR + 1));
                    }
                }
            }
        }

        boolean isNear(int offset) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
                    return near.get(i);
                }
            }
            return false;
        }
    }
}
