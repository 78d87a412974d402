package org.quotecheck.claim.extraction;

import java.util.Set;

/** The word lists the extraction rules use. Kept in one place so they can be read and extended. */
final class Lexicon {

    private Lexicon() {
    }

    /** Verbs that attribute speech, in the forms news copy uses. */
    static final String SPEECH_VERBS = "said|says|say|told|tells|added|adds|stated|states|noted|notes|explained|"
            + "argued|argues|claimed|claims|insisted|insists|warned|warns|announced|announces|remarked|commented|"
            + "comments|mentioned|mentions|replied|responded|asked|asks|wrote|writes|declared|declares|continued|"
            + "recalled|recalls|acknowledged|admitted|conceded|confirmed|denied|emphasized|emphasised|stressed|"
            + "insisted|predicted|promised|pledged|vowed|testified|tweeted|posted|concluded|observed|cautioned|"
            + "suggested|urged|countered|quipped|shouted|whispered|joked|boasted|complained|agreed";

    /**
     * The same for German and French articles (Latin script, the same patterns otherwise). Kept apart so that the
     * name scan, which runs over every capitalised word, is not slowed by them; the quote patterns use both.
     */
    static final String QUOTE_SPEECH_VERBS = SPEECH_VERBS + "|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|ergänzte|"
            + "kritisierte|warnte|versprach|a déclaré|a dit|a affirmé|a expliqué|a ajouté|a souligné|déclare|affirme|"
            + "explique|ajoute|souligne|estime";

    /** Reactions that introduce a person about to be quoted: "Sunita Rao welcomed the verdict." */
    static final String REACTION_VERBS = "welcomed|called|described|criticised|criticized|condemned|praised|rejected|"
            + "dismissed|defended|questioned|accused|blamed|hailed|addressed|spoke|testified|apologised|apologized";

    /** Words that introduce a characterisation with a quoted fragment: describing the meeting as "warm". */
    static final String CHARACTERISING_VERBS = "describing|described|describes|calling|called|calls|dubbing|dubbed|"
            + "labelling|labeling|labelled|labeled|terming|termed|praising|praised|branding|branded|hailing|hailed";

    static final Set<String> PRONOUNS = Set.of("he", "she", "they", "we", "i");

    /**
     * Titles and roles that may stand before a name and are not part of it: "Prime Minister Sanae Takaichi",
     * "Council Member Ana Ruiz", "Dr. Mei Lin".
     */
    static final Set<String> TITLE_WORDS = Set.of("president", "vice", "prime", "minister", "mayor", "deputy",
            "dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "mx", "mx.", "prof", "prof.", "professor", "senator",
            "sen.", "rep.", "representative", "governor", "gov.", "council", "member", "councilmember", "councilwoman",
            "councilman", "councillor", "councilor", "alderman", "alderwoman", "chancellor", "secretary", "general",
            "gen.", "judge", "justice", "chief", "executive", "officer", "director", "chair", "chairman",
            "chairwoman", "chairperson", "commissioner", "superintendent", "sheriff", "detective", "sgt.", "sergeant",
            "captain", "capt.", "lt.", "lieutenant", "colonel", "col.", "king", "queen", "prince", "princess", "pope",
            "father", "rev.", "reverend", "ambassador", "speaker", "leader", "foreign", "finance", "defense", "defence",
            "health", "education", "interior", "trade", "economy", "state", "chief-executive", "ceo", "cfo", "coo",
            "spokesman", "spokeswoman", "spokesperson", "analyst", "prosecutor", "barrister", "solicitor", "lawyer", "economist", "researcher", "scientist",
            "then-prime", "then-president", "former", "acting", "interim", "premier", "chairmember", "dean",
            "inspector", "constable", "founder", "co-founder", "manager", "coach", "attorney", "counsel",
            "mp", "mep", "lord", "lady", "sir", "dame", "rabbi", "imam", "bishop", "archbishop", "cardinal", "emperor",
            "chief-of-staff", "head", "board", "city", "county", "district", "national", "federal", "union");

    /** Role nouns that let "the mayor said" find the person introduced as "Mayor Dana Whitfield". */
    static final Set<String> ROLE_NOUNS = Set.of("president", "prime minister", "minister", "mayor", "governor",
            "senator", "chancellor", "secretary", "judge", "chief executive", "executive", "ceo", "director", "chair",
            "chairman", "chairwoman", "commissioner", "superintendent", "sheriff", "detective", "spokesman",
            "spokeswoman", "spokesperson", "professor", "researcher", "scientist", "economist", "analyst",
            "ambassador", "council member", "councilwoman", "councilman", "councillor", "premier", "dean", "coach",
            "founder", "co-founder", "manager", "attorney", "leader", "speaker", "official", "officer", "lawmaker",
            "prosecutor", "barrister", "lawyer", "solicitor", "chief constable", "inspector");

    /** Capitalised words that start sentences or name things, never people. */
    static final Set<String> NOT_NAMES = Set.copyOf(java.util.List.of("the", "a", "an", "this", "that", "these", "those", "it", "its",
            "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "in", "on", "at", "for", "with",
            "from", "by", "of", "and", "but", "or", "if", "when", "while", "after", "before", "since", "as",
            "however", "meanwhile", "according", "earlier", "later", "last", "next", "previously", "also", "still",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "there", "here", "what", "why", "how", "who", "some", "many", "most", "all", "both", "each", "no", "not",
            "yes", "so", "then", "now", "today", "yesterday", "tomorrow", "officials", "analysts", "critics",
            "experts", "residents", "police", "one", "two", "three", "others", "supporters", "opponents", "observers",
            "people", "witnesses", "neighbors", "neighbours", "sources", "researchers", "scientists", "economists",
            "lawmakers", "democrats", "republicans", "several", "few", "both", "every", "everyone", "nobody"));
}
