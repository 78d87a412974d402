package org.quotecheck.verification.meaning;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reported speech names its speaker ("Takaichi said she had invited Lee…"): what is checked against the source is
 * the reported clause, and "she" in it is the speaker. Finds "Name said (that)", "Name told reporters (that)" and
 * "according to Name," at the start of a claim.
 */
record Attribution(String speaker, String clause, int clauseStart) {

    private static final String NAME = "(?:(?:[A-Z][\\p{L}'’.-]*|of|the)\\s+){0,5}?[A-Z][\\p{L}'’-]+";
    private static final String VERBS = "said|says|told\\s+\\w+(?:\\s+\\w+)?|added|stated|noted|argued|warned|claimed|insisted"
            + "|explained|confirmed|announced|pledged|promised|denied|admitted|acknowledged|suggested|stressed|emphasised"
            + "|emphasized|reported|wrote|tweeted|declared|maintained|conceded|predicted|estimated";
    private static final Pattern SAID = Pattern.compile("^\\s*(?<name>" + NAME + ")(?:,[^,]{1,80},)?\\s+(?:has\\s+|had\\s+)?(?:"
            + VERBS + ")(?:\\s+(?:on|in|at)\\s+[\\p{L}\\d ]{1,30}?)?(?:\\s+that)?[,:]?\\s+");
    private static final Pattern ACCORDING = Pattern.compile("^\\s*[Aa]ccording to (?<name>" + NAME + "),\\s+");

    private static final java.util.Set<String> PRONOUNS = java.util.Set.of("she", "he", "they", "it", "we", "i", "you");

    static Attribution of(String claim) {
        for (Pattern pattern : new Pattern[] {SAID, ACCORDING}) {
            Matcher m = pattern.matcher(claim);
            if (m.find() && m.end() < claim.length()) {
                String name = m.group("name").replaceAll("^(?:the|The)\\s+", "").strip();
                // "She told reporters that…": the reported clause is checked, but a pronoun names nobody to compare.
                boolean pronoun = PRONOUNS.contains(name.toLowerCase(java.util.Locale.ROOT));
                return new Attribution(pronoun ? null : name, claim.substring(m.end()), m.end());
            }
        }
        return new Attribution(null, claim, 0);
    }
}
