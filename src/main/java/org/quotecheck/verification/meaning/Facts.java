package org.quotecheck.verification.meaning;

import java.util.List;
import java.util.Set;

/**
 * The facts a text states, as the meaning check compares them: quantities, names, negations, the kind of action
 * (continue or stop, raise or cut…) and who did what to whom.
 */
record Facts(List<Quantity> quantities, List<Name> names, List<Word> negations, Set<MeaningLexicon.Action> actions,
             List<Word> actionWords, List<Role> roles) {

    /** A word of the text with its offsets. */
    record Word(String text, int start, int end) {
    }

    /** A name of a person, place or body; {@code canonical} is how it compares ("rok" is "south korea"). */
    record Name(String text, String canonical, Kind kind, int start, int end) {
        enum Kind { COUNTRY, PERSON, OTHER }
    }

    /** "Takaichi invited Lee": the verb's lemma, who did it and to whom (a party each; null if not found). */
    record Role(String verb, Party agent, Party patient, int start, int end) {
    }

    /**
     * A party to an action: "I" or "we", "she" or "he", a named one, or one known only by a title ("the President").
     * Who a pronoun is depends on the text: the comparison resolves it.
     */
    record Party(Type type, String name) {
        enum Type { FIRST_PERSON, THIRD_PERSON, NAMED, TITLED }
    }
}
