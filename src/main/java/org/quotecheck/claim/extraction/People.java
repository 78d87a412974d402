package org.quotecheck.claim.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people an article introduces, and where it mentions them. A run of capitalised words is a person when a title
 * stands before the name ("Prime Minister Sanae Takaichi") or when the run is the subject or object of a speech verb
 * ("Rintaro Nishimura, co-founder of ..., commented"; "said Jonas Berg"). Later short forms ("Takaichi") resolve to
 * the full name as first introduced; pronouns and roles ("she", "the mayor") to the person last mentioned.
 */
final class People {

    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "(?<![\\p{L}\\p{M}])\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?: \\p{Lu}[\\p{L}\\p{M}'’.\\-]*){0,7}");
    /**
     * Speech and reaction verbs as word sets: the name scan looks at the word after every capitalised run, and a set
     * look-up there is several times cheaper than a regular expression with a hundred alternatives.
     */
    private static final Set<String> SPEECH_VERBS = Set.copyOf(Arrays.asList(Lexicon.SPEECH_VERBS.split("\\|")));
    private static final Set<String> REACTION_VERBS = Set.copyOf(Arrays.asList(Lexicon.REACTION_VERBS.split("\\|")));
    private static final Set<String> BRIDGING_ADVERBS = Set.of("also", "later", "then", "previously", "had", "has");
    /** "Tom Bledsoe, the emergency management director for Perry County, spent ...": a role in apposition after. */
    private static final Pattern ROLE_AFTER_RUN = Pattern.compile(",\\s+(?:the|a|an|its|his|her|their)\\s+\\p{Ll}[^,\\n]{1,120},");

    private static boolean opensSentence(String text, int start) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i == 0 || ".!?\n”\"".indexOf(text.charAt(i - 1)) >= 0;
    }

    /** "a deckhand, Aaron Pike," / "The agency's director of enforcement, Sunita Rao,": a name in apposition to a role. */
    private static final Pattern ROLE_BEFORE_RUN = Pattern.compile(
            "(?:\\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)|['’]s)\\s+[\\p{Ll}][\\p{Ll} -]{1,50},\\s*$");
    /** "in Ireland", "in Britain and Ireland": a place or thing after a preposition, not a speaker. */
    private static final Pattern PREPOSITION_BEFORE_RUN = Pattern.compile("\\b(?:of|at|from|for|with|in|by)\\s+"
            + "(?:\\p{Lu}[\\p{L}’'\\-]*\\s+(?:and|or)\\s+)?$");
    /** A person as first introduced: the full name without titles, and the roles the article gives them. */
    static final class Person {
        String name;
        String[] tokens;
        final List<String> roles = new ArrayList<>();

        Person(String name, String role) {
            this.name = name;
            this.tokens = name.toLowerCase(Locale.ROOT).split(" ");
            if (role != null) {
                roles.add(role);
            }
        }

        /** True if {@code other} is this name or a contiguous part of it at its start or end ("Takaichi"). */
        boolean isCalled(String[] other) {
            if (other.length == 0 || other.length > tokens.length) {
                return false;
            }
            return Arrays.equals(other, Arrays.copyOfRange(tokens, 0, other.length))
                    || Arrays.equals(other, Arrays.copyOfRange(tokens, tokens.length - other.length, tokens.length));
        }
    }

    /** {@code quoted}: inside someone's quotation, where a name is what the speaker said, not who is speaking. */
    record Mention(int start, int end, Person person, boolean quoted) {
    }

    private final List<Person> people = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    /**
     * Names of two to four capitalised words that were not taken for people, by their first and last word, where they
     * first appear: "Brenholt said" is Brenholt Appliances, "Hargreaves warned" is Tom Hargreaves.
     */
    private final java.util.Map<String, Run> runsByWord = new java.util.HashMap<>();

    private record Run(String name, int start) {
    }

    private final String text;

    private People(String text) {
        this.text = text;
    }

    /** The article the names were found in. */
    String text() {
        return text;
    }

    static People scan(String text) {
        return scan(text, List.of());
    }

    /** {@code quotes} in text order: names inside them are known, but pronouns never refer back to them. */
    static People scan(String text, List<QuotedSpan> quotes) {
        People found = new People(text);
        Matcher run = CAPITALISED_RUN.matcher(text);
        int q = 0;
        while (run.find()) {
            while (q < quotes.size() && quotes.get(q).closeMark() < run.start()) {
                q++;
            }
            found.inQuote = q < quotes.size() && quotes.get(q).openMark() < run.start();
            found.consider(text, run.start(), run.end());
        }
        found.inQuote = false;
        return found;
    }

    /** While scanning: whether the run being considered is inside a quotation. */
    private boolean inQuote;

    private void consider(String text, int start, int end) {
        String[] words = clean(text.substring(start, end)).split(" ");
        int lastTitle = -1;
        for (int i = 0; i < words.length; i++) {
            if (isTitle(words[i])) {
                lastTitle = i;
            }
        }
        int first = lastTitle + 1;
        while (first < words.length && Lexicon.NOT_NAMES.contains(words[first].toLowerCase(Locale.ROOT))) {
            first++;
        }
        if (first >= words.length) {
            return;
        }
        String[] nameWords = Arrays.copyOfRange(words, first, Math.min(words.length, first + 4));
        String name = String.join(" ", nameWords);
        Person known = find(name);
        if (known != null) {
            if (lastTitle >= 0) {
                known.roles.add(role(words, lastTitle));
            }
            addMention(new Mention(start, end, known, inQuote));
            return;
        }
        boolean titled = lastTitle >= 0 && lastTitle < words.length - 1;
        boolean objectOfPreposition = PREPOSITION_BEFORE_RUN.matcher(text.substring(Math.max(0, start - 40), start)).find();
        String verbAfter = objectOfPreposition ? null : verbAfter(text, end);
        boolean speaks = verbAfter != null && SPEECH_VERBS.contains(verbAfter) || speechVerbBefore(text, start);
        boolean introduced = !speaks && nameWords.length >= 2 && !objectOfPreposition
                && (verbAfter != null && REACTION_VERBS.contains(verbAfter) || end < text.length()
                && text.charAt(end) == ',' && (ROLE_BEFORE_RUN.matcher(text.substring(Math.max(0, start - 60), start)).find()
                || opensSentence(text, start) && ROLE_AFTER_RUN.matcher(text.substring(end, Math.min(text.length(), end + 160))).lookingAt()));
        if ((titled || speaks || introduced) && looksLikeName(nameWords)
                && (titled || SpeakerKind.of(name) == SpeakerKind.PERSON)) {
            Run fuller = nameWords.length == 1 ? runsByWord.get(name.toLowerCase(Locale.ROOT)) : null;
            if (fuller != null && fuller.start() < start) {
                name = fuller.name(); // "Brenholt said" after "Brenholt Appliances is recalling"
            }
            Person lengthened = lengthen(name);
            if (lengthened != null) {
                addMention(new Mention(start, end, lengthened, inQuote));
                return;
            }
            Person person = new Person(name, titled ? role(words, lastTitle) : null);
            people.add(person);
            addMention(new Mention(start, end, person, inQuote));
        } else if (nameWords.length >= 2 && first == 0) {
            Run run = new Run(name, start);
            runsByWord.putIfAbsent(nameWords[0].toLowerCase(Locale.ROOT), run);
            runsByWord.putIfAbsent(nameWords[nameWords.length - 1].toLowerCase(Locale.ROOT), run);
        }
    }

    /**
     * The verb a name is the subject of, if it follows at once or after one apposition: "Ruiz said", "Ruiz, who
     * chairs the committee, said", "Ruiz also said". Null when the next word is not a verb-like lower-case word.
     */
    private static String verbAfter(String text, int end) {
        String direct = wordAfter(text, end);
        boolean verb = direct != null && (SPEECH_VERBS.contains(direct) || REACTION_VERBS.contains(direct));
        if (verb || end >= text.length() || text.charAt(end) != ',') {
            return direct;
        }
        int limit = Math.min(text.length(), end + 142);
        for (int i = end + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return null;
            }
            if (c == ',') {
                return i > end + 1 ? wordAfter(text, i + 1) : null;
            }
        }
        return null;
    }

    /** At {@code i}: an optional comma, spaces, an optional bridging adverb ("also"), and the lower-case word after. */
    private static String wordAfter(String text, int i) {
        if (i < text.length() && text.charAt(i) == ',') {
            i++;
        }
        int spaces = i;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == spaces) {
            return null;
        }
        String word = lowerWordAt(text, i);
        if (word != null && BRIDGING_ADVERBS.contains(word)) {
            int next = i + word.length();
            int gap = next;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            String verb = next > gap ? lowerWordAt(text, next) : null;
            if (verb != null && (SPEECH_VERBS.contains(verb) || REACTION_VERBS.contains(verb))) {
                return verb;
            }
        }
        return word;
    }

    private static String lowerWordAt(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
            j++;
        }
        boolean wordEnds = j == text.length() || !Character.isLetterOrDigit(text.charAt(j)) && text.charAt(j) != '_';
        return j > i && wordEnds ? text.substring(i, j) : null;
    }

    /** "said Jonas Berg" or "said the company's chief executive, Jonas Berg": a speech verb just before the name. */
    private static boolean speechVerbBefore(String text, int start) {
        int i = start;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == start) {
            return false;
        }
        if (SPEECH_VERBS.contains(lowerWordBefore(text, i))) {
            return true;
        }
        if (i == 0 || text.charAt(i - 1) != ',') {
            return false;
        }
        // "said the [up to 60 characters without , . ; or a line break], Jonas Berg"
        int comma = i - 1;
        for (int j = comma - 1; j >= Math.max(0, comma - 64); j--) {
            char c = text.charAt(j);
            if (c == ',' || c == '.' || c == ';' || c == '\n') {
                return false;
            }
            if (c == 't' && text.startsWith("the ", j) && comma - (j + 4) >= 1
                    && (j == 0 || Character.isWhitespace(text.charAt(j - 1)))) {
                int k = j;
                while (k > 0 && Character.isWhitespace(text.charAt(k - 1))) {
                    k--;
                }
                if (k < j && SPEECH_VERBS.contains(lowerWordBefore(text, k))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lowerWordBefore(String text, int end) {
        int i = end;
        while (i > 0 && text.charAt(i - 1) >= 'a' && text.charAt(i - 1) <= 'z') {
            i--;
        }
        boolean wordStarts = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        return i < end && wordStarts ? text.substring(i, end) : "";
    }

    private static String role(String[] words, int lastTitle) {
        String last = words[lastTitle].toLowerCase(Locale.ROOT).replace(".", "");
        if (lastTitle > 0 && (last.equals("minister") || last.equals("member") || last.equals("executive"))) {
            return words[lastTitle - 1].toLowerCase(Locale.ROOT).replace("then-", "") + " " + last;
        }
        return last;
    }

    private static boolean looksLikeName(String[] words) {
        for (String w : words) {
            if (w.length() < 2 || w.equals(w.toUpperCase(Locale.ROOT)) && w.length() > 1 && !w.endsWith(".")) {
                return false; // acronyms such as APEC or NATO are organisations
            }
        }
        return true;
    }

    static boolean isTitle(String word) {
        return Lexicon.TITLE_WORDS.contains(word.toLowerCase(Locale.ROOT))
                || word.length() >= 6 && Character.isUpperCase(word.charAt(0)) && endsLikeGermanTitle(word)
                && GERMAN_TITLE.matcher(word).matches();
    }

    private static final String[] GERMAN_TITLE_ENDINGS = {"senator", "minister", "präsident", "direktor", "sprecher",
        "leiter", "chef", "kanzler", "bürgermeister", "vorsitzende", "beauftragte", "referent", "professor", "abgeordnete",
        "staatssekretär", "geschäftsführer", "vorstand"};

    /** A cheap test before the pattern: the word ends with a German title, with or without the feminine -in. */
    private static boolean endsLikeGermanTitle(String word) {
        String stem = word.endsWith("in") ? word.substring(0, word.length() - 2) : word;
        for (String ending : GERMAN_TITLE_ENDINGS) {
            if (word.endsWith(ending) || stem.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** German job titles, written as one capitalised compound before the name: Verkehrssenatorin, Projektleiter. */
    private static final java.util.regex.Pattern GERMAN_TITLE = java.util.regex.Pattern.compile("\\p{Lu}\\p{Ll}*(?:senator|minister|"
            + "präsident|direktor|sprecher|leiter|chef|kanzler|bürgermeister|vorsitzende|beauftragte|referent|professor|"
            + "abgeordnete|staatssekretär|geschäftsführer|vorstand)(?:in)?");

    /** "Myung’s" and "Myung’" are "Myung" (a possessive or a closing apostrophe). */
    private static String withoutPossessive(String word) {
        int end = word.length();
        if (end > 0 && word.charAt(end - 1) == 's' && end > 1 && isApostrophe(word.charAt(end - 2))) {
            end -= 2;
        } else if (end > 0 && isApostrophe(word.charAt(end - 1))) {
            end--;
        }
        return end == word.length() ? word : word.substring(0, end);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    /** Drops a possessive and a sentence-final period: "Myung’s" is "Myung", "Ishiba." is "Ishiba". */
    static String clean(String run) {
        String[] words = run.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = withoutPossessive(words[i]);
            if (w.endsWith(".") && w.length() > 3 && !w.substring(0, w.length() - 1).contains(".")) {
                w = w.substring(0, w.length() - 1);
            }
            words[i] = w;
        }
        return String.join(" ", words);
    }

    /** The person a written name refers to ("Takaichi" → Sanae Takaichi), or null if the article never introduced one. */
    Person find(String writtenName) {
        String[] tokens = stripTitles(clean(writtenName)).toLowerCase(Locale.ROOT).split(" ");
        for (Person person : people) {
            if (person.isCalled(tokens)) {
                return person;
            }
        }
        return null;
    }

    /** Resolves a written name, adding it as a new person if the article did not introduce it before. */
    String resolveName(String writtenName, int position) {
        String stripped = stripTitles(clean(writtenName));
        if (stripped.isBlank()) {
            return null;
        }
        Person person = find(stripped);
        if (person == null) {
            person = lengthen(stripped);
        }
        if (person == null && !stripped.contains(" ")) {
            // A short form of a name the article gave in full before, not as a speaker: "Brenholt Appliances is
            // recalling ..." then "Brenholt said".
            Run run = runsByWord.get(stripped.toLowerCase(Locale.ROOT));
            if (run != null && run.start() < position) {
                person = new Person(run.name(), null);
                people.add(person);
            }
        }
        if (person == null) {
            person = new Person(stripped, null);
            people.add(person);
            addMention(new Mention(position, position + writtenName.length(), person, false));
        }
        return person.name;
    }

    /**
     * A fuller form of a name met earlier only in short: "Berg told analysts" registered Berg, and now "Jonas Berg"
     * appears. The person keeps one identity under the fuller name.
     */
    private Person lengthen(String fullerName) {
        Person longer = new Person(fullerName, null);
        for (Person person : people) {
            if (longer.isCalled(person.tokens)) {
                person.name = fullerName;
                person.tokens = longer.tokens;
                return person;
            }
        }
        return null;
    }

    /** The full name of the person a speaker string names now (names can lengthen while an article is read). */
    String fullName(String speaker) {
        Person person = find(speaker);
        return person == null ? speaker : person.name;
    }

    /** The person a pronoun at {@code position} refers to: the one mentioned last before it. */
    String resolvePronoun(int position) {
        Mention last = lastMentionBefore(position, null);
        return last == null ? null : last.person().name;
    }


    /** The last person-like name of one word mentioned within {@code distance} before {@code position}, or null. */
    String lastOneWordNameBefore(int position, int distance) {
        for (int i = indexAtOrAfter(position) - 1; i >= 0; i--) {
            Mention m = mentions.get(i);
            if (m.start() < position - distance) {
                return null;
            }
            if (!m.person().name.contains(" ") && !m.quoted()) {
                return m.person().name;
            }
        }
        return null;
    }

    /** "the mayor" at {@code position}: the person with that role mentioned last before it. */
    String resolveRole(String role, int position) {
        Mention last = lastMentionBefore(position, role.toLowerCase(Locale.ROOT));
        return last == null ? null : last.person().name;
    }

    /** Mentions are kept in text order, so the searches below are binary searches plus a short walk. */
    private Mention lastMentionBefore(int position, String role) {
        for (int i = indexAtOrAfter(position) - 1, walked = 0; i >= 0 && walked < 500; i--, walked++) {
            Mention m = mentions.get(i);
            // "he" or "she" is never the company mentioned last: organisations are skipped.
            boolean fits = role == null ? SpeakerKind.of(m.person().name) == SpeakerKind.PERSON
                    : m.person().roles.stream().anyMatch(r -> r.endsWith(role));
            if (m.end() <= position && fits && !m.quoted()) {
                return m;
            }
        }
        return null;
    }

    /** The first person mentioned inside [start, end), or null. */
    String firstMentionIn(int start, int end) {
        int i = indexAtOrAfter(start);
        return i < mentions.size() && mentions.get(i).end() <= end ? mentions.get(i).person().name : null;
    }

    private void addMention(Mention mention) {
        int at = indexAtOrAfter(mention.start());
        mentions.add(at, mention);
    }

    /** Index of the first mention starting at or after {@code position}. */
    private int indexAtOrAfter(int position) {
        int low = 0;
        int high = mentions.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (mentions.get(mid).start() < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static String stripTitles(String name) {
        String[] words = name.trim().split("\\s+");
        int lastTitle = -1;
        for (int i = 0; i < words.length; i++) {
            if (isTitle(words[i])) {
                lastTitle = i;
            }
        }
        return String.join(" ", Arrays.copyOfRange(words, lastTitle + 1, words.length));
    }
}
