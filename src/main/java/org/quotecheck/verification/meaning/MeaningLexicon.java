package org.quotecheck.verification.meaning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The words the meaning check knows: units of time, proportions, multipliers, opposites, countries, titles. */
final class MeaningLexicon {

    private MeaningLexicon() {
    }

    static final Map<String, Double> MINUTES_PER = Map.ofEntries(
            Map.entry("second", 1.0 / 60), Map.entry("seconds", 1.0 / 60), Map.entry("minute", 1.0), Map.entry("minutes", 1.0),
            Map.entry("hour", 60.0), Map.entry("hours", 60.0), Map.entry("day", 1440.0), Map.entry("days", 1440.0),
            Map.entry("week", 10080.0), Map.entry("weeks", 10080.0), Map.entry("month", 43800.0), Map.entry("months", 43800.0),
            Map.entry("year", 525600.0), Map.entry("years", 525600.0), Map.entry("decade", 5256000.0), Map.entry("decades", 5256000.0));

    /** "a third" and friends, in percent. */
    static final Map<String, Double> PROPORTIONS = Map.ofEntries(
            Map.entry("half", 50.0), Map.entry("a half", 50.0), Map.entry("one half", 50.0), Map.entry("a third", 100.0 / 3),
            Map.entry("one third", 100.0 / 3), Map.entry("one-third", 100.0 / 3), Map.entry("two thirds", 200.0 / 3),
            Map.entry("two-thirds", 200.0 / 3), Map.entry("a quarter", 25.0), Map.entry("one quarter", 25.0),
            Map.entry("one-quarter", 25.0), Map.entry("three quarters", 75.0), Map.entry("three-quarters", 75.0),
            Map.entry("a fifth", 20.0), Map.entry("one fifth", 20.0), Map.entry("a tenth", 10.0), Map.entry("one tenth", 10.0),
            Map.entry("a majority", 50.0));

    static final Map<String, Double> SMALL_NUMBERS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
            Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
            Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0));

    static final Map<String, Double> MULTIPLIER_VERBS = Map.ofEntries(Map.entry("doubled", 2.0), Map.entry("doubling", 2.0),
            Map.entry("doubles", 2.0), Map.entry("double", 2.0), Map.entry("tripled", 3.0), Map.entry("tripling", 3.0),
            Map.entry("triples", 3.0), Map.entry("triple", 3.0), Map.entry("trebled", 3.0), Map.entry("quadrupled", 4.0),
            Map.entry("quadruple", 4.0), Map.entry("halved", 0.5), Map.entry("halving", 0.5), Map.entry("halves", 0.5));

    static final Set<String> RISE_VERBS = Set.of("rose", "rise", "rises", "risen", "increased", "increase", "increases",
            "grew", "grow", "grows", "grown", "climbed", "jumped", "gained", "expanded", "up", "raised", "boosted", "went");
    static final Set<String> FALL_VERBS = Set.of("fell", "fall", "falls", "fallen", "decreased", "decrease", "decreases",
            "dropped", "drop", "declined", "decline", "shrank", "shrunk", "down", "cut", "reduced", "lowered", "slid", "slumped");

    static final Set<String> HEDGES = Set.of("about", "around", "approximately", "roughly", "nearly", "almost", "some",
            "over", "under", "more than", "less than", "fewer than", "at least", "up to", "close to", "just over",
            "just under", "an estimated", "estimated", "circa", "approx");

    /** Words of an action, grouped by meaning; groups in {@link #OPPOSED} contradict each other. */
    enum Action { CONTINUE, STOP, RAISE, CUT, HOLD, AHEAD, BEHIND, WIN, LOSE, APPROVE, REJECT, SUPPORT, OPPOSE, OPEN, CLOSE, ALLOW, BAN, STAY, LEAVE }

    static final Map<String, Set<Action>> ACTION_WORDS = actionWords();

    static final Set<Set<Action>> OPPOSED = Set.of(Set.of(Action.CONTINUE, Action.STOP), Set.of(Action.RAISE, Action.CUT),
            Set.of(Action.RAISE, Action.HOLD), Set.of(Action.CUT, Action.HOLD), Set.of(Action.AHEAD, Action.BEHIND),
            Set.of(Action.WIN, Action.LOSE), Set.of(Action.APPROVE, Action.REJECT), Set.of(Action.SUPPORT, Action.OPPOSE),
            Set.of(Action.OPEN, Action.CLOSE), Set.of(Action.ALLOW, Action.BAN), Set.of(Action.STAY, Action.LEAVE));

    private static Map<String, Set<Action>> actionWords() {
        Map<String, Set<Action>> words = new java.util.HashMap<>();
        add(words, Set.of(Action.CONTINUE), "continue", "continues", "continued", "continuing", "sustain", "sustained",
                "resume", "resumed", "extend", "extended", "carry on", "keep up", "kept up", "go on", "remain committed");
        add(words, Set.of(Action.CONTINUE, Action.HOLD), "maintain", "maintains", "maintained");
        add(words, Set.of(Action.CONTINUE, Action.HOLD), "keep", "keeps", "kept", "keeping");
        add(words, Set.of(Action.STOP), "suspend", "suspends", "suspended", "suspending",
                "stop", "stops", "stopped", "to end", "will end", "would end", "ended the", "ending the", "halt", "halts", "halted", "cancel", "cancels", "cancelled", "canceled", "abandon",
                "abandoned", "scrap", "scrapped", "freeze", "froze", "frozen", "discontinue", "discontinued", "terminate",
                "terminated", "pause", "paused", "call off", "called off", "withdraw", "withdrew", "withdrawn");
        add(words, Set.of(Action.RAISE), "raise", "raises", "raised", "raising", "increase", "increases", "increased",
                "hike", "hiked", "lift", "lifted", "boost", "boosted", "upgrade", "upgraded", "rose", "rise", "risen", "grew",
                "climbed", "jumped", "surged", "higher");
        add(words, Set.of(Action.CUT), "cut", "cuts", "cutting", "lower", "lowers", "lowered", "reduce", "reduces",
                "reduced", "decrease", "decreased", "slash", "slashed", "downgrade", "downgraded", "fell", "fall", "dropped",
                "declined", "shrank", "trimmed", "trim");
        add(words, Set.of(Action.HOLD), "unchanged", "steady", "reaffirmed", "reaffirm", "on hold");
        add(words, Set.of(Action.HOLD, Action.LEAVE), "left");
        add(words, Set.of(Action.STAY), "stay", "stays", "stayed", "staying", "remain", "remains", "remained");
        add(words, Set.of(Action.LEAVE), "leave", "leaves", "leaving", "quit", "quits", "resign", "resigns", "resigned",
                "depart", "departs", "departed", "step down", "stepped down");
        add(words, Set.of(Action.AHEAD), "ahead", "leading");
        add(words, Set.of(Action.BEHIND), "behind", "trailing", "trails", "trailed");
        add(words, Set.of(Action.WIN), "won", "win", "wins", "winning", "beat", "beats", "defeated", "victory");
        add(words, Set.of(Action.LOSE), "lost", "lose", "loses", "losing", "defeat");
        add(words, Set.of(Action.APPROVE), "approve", "approves", "approved", "passed", "accepted", "adopted", "endorsed",
                "ratified");
        add(words, Set.of(Action.REJECT), "reject", "rejects", "rejected", "vetoed", "veto", "blocked", "refused", "voted down");
        add(words, Set.of(Action.SUPPORT), "support", "supports", "supported", "backs", "backed", "favours", "favors",
                "favoured", "favored");
        add(words, Set.of(Action.OPPOSE), "oppose", "opposes", "opposed", "against");
        add(words, Set.of(Action.OPEN), "opened", "reopen", "reopened", "reopens");
        add(words, Set.of(Action.CLOSE), "closes", "closed", "shut", "shuts", "shutting");
        add(words, Set.of(Action.ALLOW), "allow", "allows", "allowed", "permit", "permits", "permitted", "legalise",
                "legalised", "legalize", "legalized");
        add(words, Set.of(Action.BAN), "ban", "bans", "banned", "prohibit", "prohibits", "prohibited", "outlaw", "outlawed",
                "forbid", "forbade", "forbidden");
        return Map.copyOf(words);
    }

    private static void add(Map<String, Set<Action>> words, Set<Action> actions, String... forms) {
        for (String form : forms) {
            words.merge(form, actions, (a, b) -> {
                java.util.EnumSet<Action> both = java.util.EnumSet.copyOf(a);
                both.addAll(b);
                return both;
            });
        }
    }

    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "nor", "neither", "none", "nobody",
            "nothing", "cannot", "n't", "failed", "refused", "denied", "unable", "lacked", "lacks", "lacking", "insufficient");

    /** Countries by every name they commonly go by, to one canonical name. */
    static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("japan", "japan"), Map.entry("korea", "south korea"), Map.entry("south korea", "south korea"),
            Map.entry("republic of korea", "south korea"), Map.entry("rok", "south korea"), Map.entry("north korea", "north korea"),
            Map.entry("dprk", "north korea"), Map.entry("united states", "united states"), Map.entry("us", "united states"),
            Map.entry("u.s", "united states"), Map.entry("usa", "united states"), Map.entry("america", "united states"),
            Map.entry("china", "china"), Map.entry("prc", "china"), Map.entry("taiwan", "taiwan"),
            Map.entry("united kingdom", "united kingdom"), Map.entry("uk", "united kingdom"), Map.entry("britain", "united kingdom"),
            Map.entry("great britain", "united kingdom"), Map.entry("france", "france"), Map.entry("germany", "germany"),
            Map.entry("italy", "italy"), Map.entry("spain", "spain"), Map.entry("portugal", "portugal"), Map.entry("canada", "canada"),
            Map.entry("mexico", "mexico"), Map.entry("brazil", "brazil"), Map.entry("argentina", "argentina"),
            Map.entry("india", "india"), Map.entry("pakistan", "pakistan"), Map.entry("russia", "russia"),
            Map.entry("ukraine", "ukraine"), Map.entry("poland", "poland"), Map.entry("norway", "norway"),
            Map.entry("sweden", "sweden"), Map.entry("denmark", "denmark"), Map.entry("finland", "finland"),
            Map.entry("netherlands", "netherlands"), Map.entry("belgium", "belgium"), Map.entry("australia", "australia"),
            Map.entry("new zealand", "new zealand"), Map.entry("indonesia", "indonesia"), Map.entry("vietnam", "vietnam"),
            Map.entry("philippines", "philippines"), Map.entry("thailand", "thailand"), Map.entry("egypt", "egypt"),
            Map.entry("nigeria", "nigeria"), Map.entry("kenya", "kenya"), Map.entry("south africa", "south africa"),
            Map.entry("israel", "israel"), Map.entry("iran", "iran"), Map.entry("turkey", "turkey"),
            Map.entry("saudi arabia", "saudi arabia"), Map.entry("ireland", "ireland"), Map.entry("greece", "greece"),
            Map.entry("switzerland", "switzerland"), Map.entry("austria", "austria"), Map.entry("chile", "chile"),
            Map.entry("colombia", "colombia"), Map.entry("peru", "peru"), Map.entry("singapore", "singapore"));

    /** Adjectives of nationality: capitalised, but not names. */
    static final Set<String> DEMONYMS = Set.of("korean", "japanese", "american", "british", "chinese", "french", "german",
            "italian", "spanish", "russian", "ukrainian", "indian", "canadian", "mexican", "brazilian", "australian",
            "european", "african", "asian", "dutch", "swedish", "norwegian", "danish", "finnish", "polish", "irish",
            "scottish", "welsh", "english", "turkish", "iranian", "israeli", "egyptian", "nigerian", "kenyan", "greek",
            "portuguese", "swiss", "austrian", "belgian", "taiwanese", "vietnamese", "thai", "indonesian", "filipino");

    static final Set<String> TITLES = Set.of("president", "prime", "minister", "secretary", "chancellor", "governor",
            "mayor", "senator", "sen", "representative", "rep", "mr", "mrs", "ms", "dr", "prof", "professor", "chief",
            "executive", "director", "chair", "chairman", "chairwoman", "general", "judge", "justice", "king", "queen",
            "prince", "princess", "ambassador", "commissioner", "councillor", "councilor", "deputy", "vice", "h.e", "his",
            "her", "excellency", "officer", "coach", "captain", "manager", "spokesperson", "spokesman", "spokeswoman",
            "superintendent", "councilwoman", "councilman", "treasurer", "inspector", "editor", "lord", "dame", "bishop");

    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** Verbs whose subject and object are two parties: "Takaichi invited Lee" is not "Lee invited Takaichi". */
    static final Map<String, String> ROLE_VERBS = Map.ofEntries(
            Map.entry("invited", "invite"), Map.entry("invites", "invite"), Map.entry("invite", "invite"),
            Map.entry("hosted", "host"), Map.entry("hosts", "host"), Map.entry("met", "meet"), Map.entry("meets", "meet"),
            Map.entry("called", "call"), Map.entry("calls", "call"), Map.entry("thanked", "thank"), Map.entry("thanks", "thank"),
            Map.entry("congratulated", "congratulate"), Map.entry("visited", "visit"), Map.entry("visits", "visit"),
            Map.entry("beat", "beat"), Map.entry("defeated", "beat"), Map.entry("criticised", "criticise"),
            Map.entry("criticized", "criticise"), Map.entry("praised", "praise"), Map.entry("accused", "accuse"),
            Map.entry("sued", "sue"), Map.entry("endorsed", "endorse"), Map.entry("hired", "hire"), Map.entry("fired", "fire"),
            Map.entry("appointed", "appoint"), Map.entry("replaced", "replace"), Map.entry("succeeded", "succeed"),
            Map.entry("acquired", "acquire"), Map.entry("bought", "acquire"), Map.entry("acquire", "acquire"),
            Map.entry("acquires", "acquire"), Map.entry("acquiring", "acquire"), Map.entry("buy", "acquire"),
            Map.entry("buys", "acquire"), Map.entry("buying", "acquire"), Map.entry("purchase", "acquire"),
            Map.entry("purchased", "acquire"), Map.entry("takeover", "acquire"), Map.entry("welcomed", "welcome"),
            Map.entry("welcomes", "welcome"), Map.entry("blamed", "blame"), Map.entry("paid", "pay"),
            Map.entry("announced", "announce"), Map.entry("announces", "announce"), Map.entry("beating", "beat"), Map.entry("beats", "beat"), Map.entry("scored", "score"), Map.entry("scores", "score"),
            Map.entry("inviting", "invite"), Map.entry("defeating", "beat"));

    /** Words that make a name an organisation, a team, a place or a work, not a person. */
    static final Set<String> ORG_WORDS = Set.of("party", "committee", "bank", "assembly", "parliament", "cup", "stadium",
            "city", "hospital", "university", "institute", "commission", "council", "ministry", "court", "journal", "rovers",
            "united", "club", "league", "trophy", "union", "government", "department", "agency", "office", "group", "company",
            "corporation", "association", "federation", "school", "college", "foundation", "plant", "glacier", "river",
            "lake", "mountain", "island", "street", "road", "centre", "center", "house", "science", "research", "affairs",
            "foreign", "national", "european", "international", "news", "times", "post", "airlines", "fund", "board",
            "schools", "health", "education", "transport", "finance", "defence", "defense", "justice", "state", "interior",
            "public", "works", "services", "county", "district", "borough", "region", "province", "treasury");

    static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "from", "to", "of", "with", "by", "for", "into",
            "through", "after", "before", "against", "over", "under", "about", "between", "during");

    static final Set<String> FIRST_PERSON = Set.of("i", "me", "we", "us", "my", "our");
    static final Set<String> THIRD_PERSON = Set.of("she", "he", "her", "him", "they", "them");

    static String monthName(int month) {
        return month >= 1 && month <= 12 ? capitalise(MONTHS.get(month - 1)) : "month " + month;
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
