package org.quotecheck.claim.extraction;

import org.quotecheck.text.ClaimNumbers;
import org.quotecheck.text.NumberMention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the claims in an article body: quotes with their speaker, reported speech, and check-worthy statements.
 * Pure Java, no framework; every rule is a named pattern or method below. Cost is linear in the body length
 * (one pass each for quotation marks, sentences and names, then work per sentence).
 */
public final class ClaimExtractor {

    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?: \\p{Lu}[\\p{L}\\p{M}'’.\\-]*){0,7}";
    private static final String ROLE_PHRASE = "[Tt]he (?:[\\p{L}’'\\-]+ ){0,3}?(?<role>"
            + String.join("|", Lexicon.ROLE_NOUNS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList())
            + ")";
    /** "the Ministry of Transport", "the European Commission": an institution named with "the". */
    private static final String INSTITUTION = "[Tt]he (?<org>\\p{Lu}[\\p{L}’'.\\-]*(?:\\s+(?:of|for|and|on)\\s+(?:the\\s+)?"
            + "\\p{Lu}[\\p{L}’'.\\-]*|\\s+\\p{Lu}[\\p{L}’'.\\-]*){0,5})";
    /** "Finance director Raj Malhotra", "Union representative Grace Obi": a title in lower case before the name. */
    private static final String TITLED_NAME = "\\p{Lu}[\\p{L}-]*\\s+(?:" + String.join("|", Lexicon.TITLE_WORDS.stream()
            .filter(t -> t.chars().allMatch(Character::isLetter)).sorted(Comparator.comparingInt(String::length).reversed())
            .toList()) + "|representative|spokesman|spokeswoman)\\s+\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?: \\p{Lu}[\\p{L}\\p{M}'’.\\-]*){1,3}";
    /** A capitalised name that may hold "of", "and" or "for": Kentucky Division of Emergency Management. */
    private static final String INSTITUTION_NAME = "\\p{Lu}[\\p{L}’'.\\-]*(?:\\s+(?:(?:of|and|for|on)\\s+(?:the\\s+)?)?"
            + "\\p{Lu}[\\p{L}’'.\\-]*){0,7}";
    /** "The transport authority", "the fire service", "the company": an institution in lower case. */
    private static final String ORG_NOUNS = "authority|service|department|ministry|agency|company|firm|council|commission|"
            + "committee|government|office|board|union|club|league|regulator|watchdog|operator|airline|bank|charity|trust|"
            + "hospital|university|police|prosecutors|court|group|federation|association";
    private static final String ORG_PHRASE = "[Tt]he (?:[\\p{Ll}-]+ ){0,2}?(?<orgnoun>" + ORG_NOUNS + ")\\b";
    /** "The report", "the study": a document as the subject of a reporting verb. */
    private static final String DOCUMENT_PHRASE = "[Tt]he (?:(?:new|latest|annual|final|independent|official|draft) )?"
            + "(?<doc>report|study|statement|survey|audit|review|ruling|letter|filing|indictment|complaint|lawsuit|analysis)\\b";
    private static final String SUBJECT = "(?<subject>\\b(?:he|she|they|we|I|He|She|They|We)\\b|" + ROLE_PHRASE + "|"
            + INSTITUTION + "|" + DOCUMENT_PHRASE + "|" + ORG_PHRASE + "|" + TITLED_NAME + "|" + NAME + ")";
    private static final String OBJECT = "(?:reporters|journalists|the press|lawmakers|residents|investors|officials|"
            + "analysts|colleagues|supporters|voters|students|staff|employees|councillors|councilors|jurors|delegates|"
            + "fans|shareholders|members|parliament|MPs|senators|"
            + "(?>the [a-z]+(?: (?!that\\b)[a-z]+)?)|him|her|them|us|me|" + NAME + ")";
    /** "Detective Inspector Sarah Mullan of Wexcombe Police": where the subject works, between subject and verb. */
    private static final String AFFILIATION = "(?:\\s+(?:of|from|at)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}’'.\\-]*"
            + "(?:\\s+(?:of\\s+|and\\s+)?\\p{Lu}[\\p{L}’'.\\-]*){0,4})?";
    /** What may start a reported clause that has no "that": anything but an adverbial ("said on Monday"). */
    private static final String CLAUSE_START = "(?!(?:on|in|at|after|before|during|while|when|where|yesterday|today|"
            + "tonight|last|earlier|later|late|this|that|through|via|by|to|for|with|from|of|as|about|afterwards|"
            + "separately|previously|recently|then|also|repeatedly|publicly|privately|again|once|so|him|her|them|and|"
            + "but|or|nothing|little|no|yes|goodbye|hello|sorry|thank|thanks|please|amen)\\b)[\\p{L}\\d]";
    private static final String ADVERBS = "(?:(?:also|later|then|previously|again|publicly|repeatedly|once|had|has|have|"
            + "would|will|has since)\\s+)*";

    /** After the closing mark: “…,” Whitfield said. / “…,” she told reporters. / “…,” said Jonas Berg. */
    // German and French put the comma after the closing mark: „…“, sagte Jonas Weber.
    private static final Pattern SUBJECT_VERB_AFTER = Pattern.compile("^\\s*,?\\s*" + SUBJECT
            + "(?:,[^,\\n]{1,140},)?,?\\s+" + ADVERBS + "(?<verb>" + Lexicon.QUOTE_SPEECH_VERBS + ")\\b(?<object>\\s+" + OBJECT + ")?");
    private static final Pattern VERB_SUBJECT_AFTER = Pattern.compile("^\\s*,?\\s*(?<verb>" + Lexicon.QUOTE_SPEECH_VERBS
            + ")\\s+(?<rest>[^;!?\\n“”\"]{1,200})");
    /** Before the opening mark: the last speech verb in the sentence, close to the quote. */
    private static final Pattern SPEECH_VERB = Pattern.compile("\\b(?<verb>" + Lexicon.QUOTE_SPEECH_VERBS + ")\\b(?<object>\\s+"
            + OBJECT + ")?");
    /** "According to a summary of Lee Jae Myung's speech provided by his office": the words are an account. */
    private static final Pattern SUMMARY = Pattern.compile("(?i)\\b(?<kind>summary|paraphrase|readout|account)\\s+of\\s+"
            + "[^,.;“”\"]{0,100}?\\s+(?:provided|released|issued|given|published|circulated)\\s+by\\s+"
            + "(?<by>(?:his|her|their|its|the)\\s+[\\p{L}’' -]{2,40}?)(?=\\s*[,;:]|\\s+(?:he|she|they|it)\\b)");
    /** Verbs with which a sentence introduces someone about to be quoted: "X described the repairs at a hearing." */
    private static final Pattern INTRODUCING_VERB = Pattern.compile("\\s(?:described|explained|outlined|addressed|spoke|"
            + "welcomed|criticised|criticized|condemned|praised|defended|responded|reacted|"
            + "testified|told|said|recalled|argued|wrote|answered|presented|briefed|took the floor|put it|"
            + "reflected|summed up|added|continued|insisted|warned)\\b");
    private static final Pattern CHARACTERISING_VERB = Pattern.compile("\\b(?:" + Lexicon.CHARACTERISING_VERBS + ")\\b");
    private static final Pattern ACCORDING_TO = Pattern.compile("\\b[Aa]ccording to (?<name>" + NAME + ")(?=,)");
    private static final Pattern ACCORDING_TO_DOCUMENT = Pattern.compile("\\b[Aa]ccording to (?<doc>(?:the|a|its|their) "
            + "(?:(?<owner>[\\p{Ll}]+)['’]s )?(?:statement|report|filing|press release|release|letter|ruling|readout|memo|"
            + "complaint|lawsuit))\\b");
    /** A capitalised name that may hold "of", "and" or "for": Wexcombe Fire and Rescue Service, Ministry of Health. */
    private static final Pattern ORGANISATION_NAME = Pattern.compile("(?:\\p{Lu}\\p{Ll}{0,2}\\. )?\\p{Lu}[\\p{L}’'\\-]*"
            + "(?: (?:(?:of|and|for|on) (?:the )?)?\\p{Lu}[\\p{L}’'\\-]*){0,6}");
    /** Names that are not companies: "the company's statement" is not the league's. */
    private static final Pattern PUBLIC_BODY = Pattern.compile("(?i)\\b(?:league|council|ministry|department|agency|"
            + "authority|government|commission|committee|court|police|party|union|association|trust|federation|"
            + "university|hospital|parliament|senate|congress|assembly|office|bureau|embassy|army|navy)\\b");
    /** "A league spokesman", "a ministry spokeswoman": someone speaking for an organisation named earlier. */
    private static final Pattern SPOKESPERSON_FOR = Pattern.compile("(?:^|\\s)(?:[Aa]n?|[Tt]he|[Ii]ts)\\s+(?<noun>\\p{Ll}[\\p{L}-]+)"
            + "\\s+(?:spokesman|spokeswoman|spokesperson|representative|official)\\s*,?\\s*$");
    /** "In a statement, the contractor, Kessler Marine, blamed" / "Kessler Marine said in a statement". */
    private static final Pattern DOCUMENT_ISSUER = Pattern.compile("\\b(?:In|in) (?:a|an|its|their) (?:written )?"
            + "(?<kind>statement|report|filing|press release|release|letter|readout|memo)[^.,]{0,40},\\s+"
            + "(?:the [\\p{Ll}’' -]{2,40},\\s+)?(?<issuer>" + NAME + ")|(?<issuer2>" + INSTITUTION_NAME + "|[Tt]he (?:[\\p{Ll}-]+ ){0,2}?"
            + "(?<issuernoun>" + ORG_NOUNS + ")),? (?:said|wrote|announced|stated) in a (?<kind2>statement|letter|filing|report)");
    private static final Pattern SUBJECT_AT_END = Pattern.compile("(?:^|[\\s,;:(])" + SUBJECT + "\\s*$");
    private static final Pattern TRAILING_ADVERBS = Pattern.compile("(?:\\s+(?:also|later|then|previously|again|"
            + "publicly|repeatedly|once|had|has|have|would|will|just|quickly|simply|first))+\\s*$");
    private static final Pattern TRAILING_OF_PHRASE = Pattern.compile(
            "\\s+(?:of|at|from|for|with)\\s+(?:the\\s+)?\\p{Lu}[^,]*$");
    private static final Pattern CAPITALISED_NAME = Pattern.compile(NAME);
    /** A sentence that opens with a person's name followed by an apposition or a verb: "Joan Pardew, 72, ...". */
    private static final Pattern SENTENCE_SUBJECT = Pattern.compile("\\s*(?<name>" + NAME + ")(?=,|\\s+\\p{Ll})");
    private static final Pattern TRAILING_APPOSITIVE = Pattern.compile(
            ",\\s*(?:who|which|[a-z0-9\\p{Ll}]|(?:a|an|the|The|A|An)\\s)[^,]{0,140},?\\s*$");

    /** Reported speech: [lead,] subject [, apposition,] verb [object] [adverbial] that clause. */
    private static final Pattern REPORTED_THAT = Pattern.compile("^(?:[^,“”\"]{0,100},\\s+)?" + SUBJECT
            + AFFILIATION + "(?:(?:,[^,]{1,140}){1,2},)?,?\\s+" + ADVERBS + "(?<verb>said|says|told|tells|stated|states|noted|notes|explained|"
            + "argued|argues|claimed|claims|insisted|insists|warned|warns|announced|announces|added|confirmed|"
            + "acknowledged|admitted|estimated|predicted|reported|wrote|testified|believes|believed|thinks|promised|"
            + "pledged|vowed|denied|suggested|stressed|emphasized|emphasised|recalled|mentioned|cautioned|observed|"
            + "conceded|maintained|contended|revealed|disclosed|indicated|signalled|signaled|alleged|asserted|reiterated|"
            + "complained|countered|replied|responded|agreed|concluded|found|showed|ruled|accepted)"
            + "(?<object>\\s+" + OBJECT + ")?(?:\\s+[^,.;“”\"]{0,60}?)??\\s+that\\s+(?<clause>\\S.*?)[.!?]?$");
    /**
     * Reported speech without "that": "Khan said the rise was driven by ...", "Chen told councillors the scheme met
     * ...". What follows the verb is the clause unless it is an adverbial ("said on Monday", "said in a statement").
     */
    private static final Pattern REPORTED_BARE = Pattern.compile("^(?:[^,“”\"]{0,100},\\s+)?" + SUBJECT
            + AFFILIATION + "(?:(?:,[^,]{1,140}){1,2},)?,?\\s+" + ADVERBS + "(?:(?<verb>said|says)|(?<verb2>told|tells)(?<object>\\s+" + OBJECT + "))"
            + "\\s+(?<clause>" + CLAUSE_START + ".*?)[.!?]?$");
    /** "Lorna Baptiste called the rent demand “a ransom note” and said fans would hold a march." */
    private static final Pattern REPORTED_AFTER_AND = Pattern.compile("^(?:[^,“”\"]{0,100},\\s+)?" + SUBJECT
            + "(?:,[^,]{1,140},)?\\s+[^.;!?]{1,160}?\\s+(?:and|but)\\s+(?<verb>said|warned|added|argued|insisted|claimed)"
            + "(?:\\s+that)?\\s+(?<clause>" + CLAUSE_START + "[^“”\"]*?)[.!?]?$");

    /** Views of an unnamed group: "Analysts noted that ...", "Many experts warned that ...". */
    private static final Pattern REPORTED_BY_GROUP = Pattern.compile("^(?:[^,“”\"]{0,60},\\s+)?(?:(?:[Mm]any|[Ss]ome|[Mm]ost|"
            + "[Ss]everal|[Oo]ther)\\s+)?(?<group>[Aa]nalysts|[Ee]xperts|[Ee]conomists|[Oo]fficials|[Cc]ritics|[Oo]bservers|"
            + "[Rr]esearchers|[Ss]cientists|[Dd]iplomats|[Ll]awmakers|[Ii]nvestors|[Rr]esidents|[Aa]ctivists|[Dd]octors|"
            + "[Ww]itnesses|[Pp]rosecutors|[Hh]istorians|[Ss]cholars|[Ee]xecutives)\\s+(?:have\\s+|had\\s+)?(?<verb>noted|argued|"
            + "warned|said|say|believe|believed|suggested|estimated|predicted|pointed out|cautioned|agreed|observed|"
            + "expect|expected|stressed|claimed)\\s+that\\s+(?<clause>\\S.*?)[.!?]?$");
    /** The reporter's own words after a reported clause. */
    private static final Pattern REPORTER_TAIL = Pattern.compile(",\\s+(?:a|an)\\s+(?:charge|claim|view|assertion|"
            + "accusation|position|argument|point|figure|estimate|prediction|statement|characterization|"
            + "characterisation|description)\\b.*$"
            // "..., and advised them not to click links": the subject's next act, not part of what was reported.
            + "|,\\s+(?:and|but)\\s+(?:advised|urged|added|said|warned|called|asked|told|promised|declined|refused|"
            + "insisted|pledged|vowed|noted|announced|confirmed)\\b.*$");

    /** What makes a sentence worth checking: numbers, dates, durations, rankings and firsts. */
    private static final Set<String> CHECK_WORDS = Set.of("percent", "million", "billion", "trillion", "thousand",
            "hundred", "dozen", "half", "twice", "double", "doubled", "tripled", "quadrupled", "halved", "first",
            "second", "third", "fourth", "fifth", "last", "largest", "biggest", "smallest", "highest", "lowest", "fastest",
            "slowest", "oldest", "youngest", "longest", "shortest", "most", "least", "record", "unprecedented", "only",
            "never", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "yesterday", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries", "century",
            "rose", "fell", "increased", "decreased", "grew", "dropped", "declined", "surged", "plunged");
    private static final Pattern CHECK_WORTHY_PHRASE = Pattern.compile("(?i)\\bper cent\\b|"
            + "\\b(?:earlier|later|last|next) this (?:week|month|year)\\b|\\bin (?:May|late|early|mid-)");

    /**
     * Events and states a reader can check: who met, signed, voted, won, ruled, owns or controls what. Counted only
     * in a sentence that names someone or something (see {@link #NAMED}).
     */
    private static final Pattern EVENT = Pattern.compile("\\b(?:took place|held talks|met with|visited|hosted|signed|"
            + "reached (?:an? |the )?(?:agreements?|deal|settlement|accord)|agreed to|approved|rejected|voted|passed|"
            + "elected|appointed|resigned|fired|launched|won|lost to|defeated|beat|arrested|charged|convicted|acquitted|"
            + "sentenced|sued|ruled|banned|acquired|bought|merged|controlled by|controls|owned by|owns|annexed|invaded|"
            + "occupied|impeached|succeeded|founded|cancelled|canceled|suspended|abstained|vetoed|nominated|withdrew from|"
            + "disagreements?|dispute over|sovereignty|treaty|sanctions|ceasefire|indicted|pleaded guilty|found guilty)\\b");
    /** A capitalised word after the first: a name, a place, an institution. */
    private static final Pattern NAMED = Pattern.compile("[\\s(“\"]\\p{Lu}\\p{Ll}");
    /** How something was received, which a reader can check: "has surprised many observers". */
    private static final Pattern RECEPTION = Pattern.compile("\\b(?:surprised|shocked|stunned|alarmed|angered|puzzled|"
            + "divided|drew criticism from|(?:was|were|has been|have been) (?:widely )?(?:criticised|criticized|praised|"
            + "welcomed|condemned) by)\\s+(?:many\\s+|some\\s+|most\\s+)?(?:observers|analysts|critics|experts|"
            + "commentators|the public|residents|investors|markets|diplomats|economists|officials)\\b");

    private ClaimExtractor() {
    }

    /**
     * The sentence of {@code text} that holds the span from {@code start} to {@code end}: where a partial quote is
     * read as the article printed it. The whole span if it runs over sentences.
     */
    public static String sentenceAround(String text, int start, int end) {
        List<Span> sentences = SentenceSplitter.split(text, QuoteFinder.find(text));
        int from = start;
        int to = end;
        for (Span sentence : sentences) {
            if (sentence.contains(start)) {
                from = sentence.start();
            }
            if (sentence.contains(Math.max(start, end - 1))) {
                to = sentence.end();
            }
        }
        return text.substring(from, to).strip();
    }

    public static List<ExtractedClaim> extract(String body) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        List<QuotedSpan> quotes = QuoteFinder.find(body);
        List<Span> sentences = SentenceSplitter.split(body, quotes);
        People people = People.scan(body, quotes);
        Script script = Script.of(body);
        List<CjkAttribution.Found> cjkSpeakers = new ArrayList<>();
        List<ExtractedClaim> claims = new ArrayList<>();
        List<Attribution> quoteSpeakers = new ArrayList<>();
        int sentenceIndex = 0;
        for (QuotedSpan quote : quotes) {
            while (sentenceIndex < sentences.size() - 1 && sentences.get(sentenceIndex).end() <= quote.openMark()) {
                sentenceIndex++;
            }
            Span sentence = sentences.isEmpty() ? new Span(0, body.length()) : sentences.get(sentenceIndex);
            Span previous = sentenceIndex > 0 ? sentences.get(sentenceIndex - 1) : null;
            Attribution previousQuote = quoteSpeakers.isEmpty() ? null : quoteSpeakers.get(quoteSpeakers.size() - 1);
            QuoteClaim found;
            if (CjkAttribution.applies(script)) {
                // The lead-in is what comes after the previous quote: "그는" in "…”고 말했다. 그는 “…”".
                Span leadIn = previousQuote == null || previousQuote.position() < sentence.start() ? sentence
                        : new Span(Math.min(previousQuote.position() + 1, quote.openMark()), sentence.end());
                CjkAttribution.Found cjk = CjkAttribution.speaker(body, quote, leadIn, previous, script, cjkSpeakers);
                cjkSpeakers.add(cjk);
                String quoted = body.substring(quote.start(), quote.end());
                // Quoted speech in these languages seldom ends with a full stop: said, and long enough, it is whole.
                boolean whole = CjkAttribution.isWholeUtterance(quoted)
                        || cjk != null && quoted.codePointCount(0, quoted.length()) >= 8;
                found = new QuoteClaim(whole ? ClaimType.DIRECT_QUOTE : ClaimType.PARTIAL_QUOTE,
                        cjk == null ? null : cjk.speaker(), cjk == null ? null : cjk.cue());
            } else if (!script.speakersResolved()) {
                // No rules for who speaks in this script yet: the quote is found, its speaker left to the editor.
                boolean whole = CjkAttribution.isWholeUtterance(body.substring(quote.start(), quote.end()));
                found = new QuoteClaim(whole ? ClaimType.DIRECT_QUOTE : ClaimType.PARTIAL_QUOTE, null, null);
            } else {
                found = classifyQuote(body, quote, sentence, previous, previousQuote, people);
            }
            quoteSpeakers.add(new Attribution(found.speaker, found.cue, quote.closeMark()));
            claims.add(claim(body, found.type, quote.start(), wordsEnd(body, quote), found.speaker, found.cue));
        }
        List<ExtractedClaim> quoteClaims = List.copyOf(claims);
        int quoteIndex = 0;
        for (Span sentence : sentences) {
            int covered = 0;
            while (quoteIndex < quotes.size() && quotes.get(quoteIndex).closeMark() < sentence.start()) {
                quoteIndex++;
            }
            boolean wholeQuote = false;
            for (int q = quoteIndex; q < quotes.size() && quotes.get(q).openMark() < sentence.end(); q++) {
                covered += quotes.get(q).closeMark() + 1 - quotes.get(q).openMark();
                wholeQuote |= claimTypeAt(quoteClaims, quotes.get(q).start()) != ClaimType.PARTIAL_QUOTE;
            }
            // A sentence that quotes whole sentences is their attribution; one with a quoted fragment ("said the
            // provision was “prudent”") can still report speech.
            if (!wholeQuote && script == Script.LATIN) {
                ExtractedClaim reported = reportedSpeech(body, sentence, people);
                if (reported == null) {
                    reported = reportedBefore(body, sentence, people, lastSpeakerBefore(claims, quotes.size(), sentence.start()));
                }
                if (reported != null) {
                    claims.add(reported);
                }
            }
            if (covered * 2 < sentence.length() && isCheckWorthy(body, sentence)) {
                int end = sentence.end();
                while (end > sentence.start() && ".!?;:。！？".indexOf(body.charAt(end - 1)) >= 0) {
                    end--;
                }
                claims.add(claim(body, ClaimType.STATEMENT, sentence.start(), end, null, null));
            }
        }
        claims.sort(Comparator.comparingInt(ExtractedClaim::start).thenComparing(c -> -c.end()));
        // People's short names become the full name first given; organisations and documents keep theirs.
        return claims.stream().map(c -> c.speaker() == null || c.speakerKind() != SpeakerKind.PERSON ? c
                : new ExtractedClaim(c.type(), c.start(), c.end(), c.text(), people.fullName(c.speaker()), c.cue(),
                        c.numbers())).toList();
    }

    /**
     * The claim with a speaker that comes last before {@code position}: the quotes (the first {@code quoteCount}
     * claims, in text order) and the reported speech found so far (after them, also in order).
     */
    private static ExtractedClaim lastSpeakerBefore(List<ExtractedClaim> claims, int quoteCount, int position) {
        ExtractedClaim last = null;
        for (int i = claims.size() - 1; i >= quoteCount; i--) {
            ExtractedClaim c = claims.get(i);
            if (c.speaker() != null && c.start() < position) {
                last = c;
                break;
            }
        }
        int low = 0;
        int high = quoteCount;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (claims.get(mid).start() < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low - 1; i >= 0 && i >= low - 50; i--) {
            ExtractedClaim c = claims.get(i);
            if (c.speaker() != null) {
                return last == null || c.start() > last.start() ? c : last;
            }
        }
        return last;
    }

    /** The type given to the quote starting at {@code start} (quotes are claimed in text order). */
    private static ClaimType claimTypeAt(List<ExtractedClaim> quoteClaims, int start) {
        int low = 0;
        int high = quoteClaims.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = quoteClaims.get(mid).start();
            if (at == start) {
                return quoteClaims.get(mid).type();
            }
            if (at < start) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return null;
    }

    private record Attribution(String speaker, String cue, int position) {
    }

    private record QuoteClaim(ClaimType type, String speaker, String cue) {
    }

    private static QuoteClaim classifyQuote(String body, QuotedSpan quote, Span sentence, Span previous,
                                            Attribution previousQuote, People people) {
        String text = body.substring(quote.start(), quote.end());
        if (previousQuote != null && previousQuote.speaker() != null && Character.isLowerCase(text.charAt(0))
                && continuesSplitSentence(body, previousQuote.position(), quote.openMark())) {
            // “We will rebuild,” Whitfield said, “but right now ...”: the rest of the same quoted sentence.
            return new QuoteClaim(ClaimType.DIRECT_QUOTE, previousQuote.speaker(), previousQuote.cue());
        }
        boolean full = startsLikeASentence(text) && (endsWithPunctuation(text) || wordCount(text) >= 8);
        Attribution after = attributionAfter(body, quote, sentence, people);
        Attribution before = after == null ? attributionBefore(body, quote, sentence, people, full) : null;
        Attribution attribution = after != null ? after : before;
        boolean direct = startsLikeASentence(text) && (full || after != null || introducedByColonOrComma(body, quote));
        if (attribution == null && direct) {
            attribution = attributionFromContext(body, quote, sentence, previous, previousQuote, people);
        }
        ClaimType type = direct ? ClaimType.DIRECT_QUOTE : ClaimType.PARTIAL_QUOTE;
        if (attribution == null && !direct) {
            attribution = characterisation(body, quote, sentence, people);
        }
        String cue = attribution == null ? null : attribution.cue();
        // Looked for close to the quote only, so that a "sentence" of thousands of quotes stays linear.
        int summaryFrom = Math.max(sentence.start(), quote.openMark() - 300);
        Matcher summary = SUMMARY.matcher(body.substring(summaryFrom, Math.max(summaryFrom, quote.openMark())));
        if (attribution != null && summary.find()) {
            // Not the speaker's own words but someone's account of them: say whose ("summary by his office").
            cue = summary.group("kind").toLowerCase(Locale.ROOT) + " by " + summary.group("by").strip();
        }
        return new QuoteClaim(type, attribution == null ? null : attribution.speaker(), cue);
    }

    private static Attribution attributionAfter(String body, QuotedSpan quote, Span sentence, People people) {
        int from = quote.closeMark() + 1;
        int to = Math.max(from, Math.min(body.length(), Math.max(sentence.end(), from + 1)));
        String after = body.substring(from, Math.min(to, from + 300));
        Matcher subjectVerb = SUBJECT_VERB_AFTER.matcher(after);
        if (subjectVerb.find()) {
            String speaker = resolveSubject(subjectVerb, from + subjectVerb.start("subject"), people);
            if (speaker != null) {
                return new Attribution(speaker, cue(subjectVerb), from);
            }
        }
        Matcher verbSubject = VERB_SUBJECT_AFTER.matcher(after);
        if (verbSubject.find()) {
            String rest = verbSubject.group("rest");
            int restStart = from + verbSubject.start("rest");
            String speaker = nameIn(rest, restStart, people);
            if (speaker != null) {
                return new Attribution(speaker, verbSubject.group("verb"), from);
            }
        }
        return null;
    }

    /** The first name in "the company's chief executive, Jonas Berg" or "Council Member Ana Ruiz, who ...". */
    private static String nameIn(String phrase, int offset, People people) {
        Matcher pronoun = Pattern.compile("^(?:he|she|they)\\b").matcher(phrase);
        if (pronoun.find()) {
            return people.resolvePronoun(offset);
        }
        Matcher name = Pattern.compile(NAME).matcher(phrase);
        while (name.find()) {
            String candidate = People.stripTitles(People.clean(name.group()));
            if (!candidate.isBlank() && !Lexicon.NOT_NAMES.contains(candidate.toLowerCase(Locale.ROOT))) {
                return people.resolveName(name.group(), offset + name.start());
            }
        }
        Matcher role = Pattern.compile("^" + ROLE_PHRASE).matcher(phrase);
        if (role.find()) {
            return people.resolveRole(role.group("role"), offset);
        }
        return null;
    }

    private static Attribution attributionBefore(String body, QuotedSpan quote, Span sentence, People people,
                                                 boolean full) {
        int from = windowStart(quote, sentence);
        String before = body.substring(from, quote.openMark());
        Matcher verb = SPEECH_VERB.matcher(before);
        Matcher last = null;
        int lastStart = -1;
        int lastEnd = -1;
        String lastVerb = null;
        String lastObject = null;
        while (verb.find()) {
            lastStart = verb.start();
            lastEnd = verb.end();
            lastVerb = verb.group("verb");
            lastObject = verb.group("object");
            last = verb;
        }
        if (last != null) {
            String between = before.substring(lastEnd).strip();
            boolean close = between.length() <= 120 && !between.contains("“") && !between.contains("”");
            if (close) {
                String subjectText = before.substring(0, lastStart);
                String speaker = subjectOf(subjectText, from, people);
                Matcher spokesperson = SPOKESPERSON_FOR.matcher(subjectText);
                if (speaker == null && spokesperson.find()) {
                    speaker = organisationBefore(body, from + spokesperson.start(), spokesperson.group("noun"));
                }
                if (speaker != null) {
                    String cue = lastVerb + (lastObject == null || !lastVerb.startsWith("told") ? "" : lastObject);
                    return new Attribution(speaker, cue.strip(), from + lastStart);
                }
            }
        }
        if (full && before.strip().endsWith(":")) {
            String speaker = firstMultiWordName(before, from, people);
            if (speaker != null) {
                return new Attribution(speaker, null, from);
            }
        }
        Matcher according = ACCORDING_TO.matcher(before);
        if (according.find() && people.find(according.group("name")) != null) {
            return new Attribution(people.resolveName(according.group("name"), from + according.start("name")),
                    "according to", from + according.start());
        }
        Matcher document = ACCORDING_TO_DOCUMENT.matcher(before);
        if (document.find()) {
            // "According to the statement, “…”": whoever issued it, named shortly before ("In a statement, the
            // contractor, Kessler Marine, blamed ..."), or else the document itself.
            String lookBack = body.substring(Math.max(0, from - 800), from);
            Matcher issuer = DOCUMENT_ISSUER.matcher(lookBack);
            String speaker = null;
            String documentNoun = document.group("doc").replaceFirst("^\\S+\\s+", "").toLowerCase(Locale.ROOT);
            while (issuer.find()) {
                String kind = issuer.group("kind") != null ? issuer.group("kind") : issuer.group("kind2");
                if (!documentNoun.equals(kind.toLowerCase(Locale.ROOT))) {
                    continue; // "according to the report" is not the statement issued earlier
                }
                String named = issuer.group("issuer") != null ? issuer.group("issuer")
                        : issuer.group("issuer2").replaceFirst("^The\\s+", "");
                if (issuer.group("issuernoun") != null) {
                    // "The fire service said in a statement": the service named before, or as the article calls it.
                    speaker = institution(people, Math.max(0, from - 800) + issuer.start(), named,
                            issuer.group("issuernoun"));
                    continue;
                }
                String cleaned = People.clean(named);
                speaker = SpeakerKind.of(cleaned) == SpeakerKind.ORGANISATION ? cleaned : People.stripTitles(cleaned);
            }
            if (speaker == null && document.group("owner") != null) {
                // "According to the company's statement": the company named last before it.
                speaker = organisationBefore(body, from + document.start(), document.group("owner"));
            }
            String cue = "according to " + document.group("doc").toLowerCase(Locale.ROOT);
            return new Attribution(speaker != null ? speaker : document.group("doc").toLowerCase(Locale.ROOT), cue,
                    from + document.start());
        }
        return null;
    }

    /**
     * The organisation an article named last before {@code position}, within a few paragraphs: for "a league
     * spokesman" one whose name holds the word ("Southern Counties League"), for "the company" any.
     */
    private static String organisationBefore(String body, int position, String noun) {
        boolean company = noun.matches("company|firm|business|operator|group|carrier|manufacturer|retailer|developer|club|team");
        // "the central bank" is the Riksbank, "the bank" the Bundesbank: the noun as a word or at the end of one.
        Pattern named = Pattern.compile("\\b\\p{L}*" + Pattern.quote(noun) + "\\b", Pattern.CASE_INSENSITIVE);
        Matcher name = ORGANISATION_NAME.matcher(body).region(Math.max(0, position - 2_000), position);
        String found = null;
        List<String> seen = new ArrayList<>();
        while (name.find()) {
            seen.add(name.group().replaceFirst("^The ", "").replaceFirst("['’]s?$", ""));
            String candidate = name.group().replaceFirst("^The ", "").replaceFirst("['’]s?$", "");
            if (named.matcher(candidate).find() && !candidate.equalsIgnoreCase(noun)
                    || company && SpeakerKind.of(candidate) == SpeakerKind.ORGANISATION && !PUBLIC_BODY.matcher(candidate).find()) {
                found = candidate;
            }
        }
        if (found != null && !found.contains(" ")) {
            // "Rovers" after "Hartley Rovers": the fuller name given earlier.
            for (String earlier : seen) {
                if (earlier.endsWith(" " + found) || earlier.startsWith(found + " ")) {
                    return earlier;
                }
            }
        }
        return found;
    }

    /**
     * "The transport authority said": the organisation of that kind the article named before ("Lowmoor Combined
     * Transport Authority"), or else the phrase itself when it says which one ("education department"); a bare "the
     * company" with nothing named before stays unresolved.
     */
    private static String institution(People people, int position, String phrase, String noun) {
        String kind = noun.toLowerCase(Locale.ROOT);
        String named = organisationBefore(people.text(), position, kind);
        if (named != null) {
            return named;
        }
        if (kind.equals("company") || kind.equals("firm")) {
            // "Ledgerly, the budgeting app, said ..." and then "The company said": a one-word name that spoke.
            String oneWord = people.lastOneWordNameBefore(position, 1_500);
            if (oneWord != null) {
                return oneWord;
            }
        }
        String words = phrase.replaceFirst("^[Tt]he\\s+", "");
        return words.contains(" ") ? words : null;
    }

    /**
     * The speaker a verb belongs to, from the words just before it: "Rintaro Nishimura, co-founder of ...,",
     * "Professor Henrik Dahl of the University of Oslo, who ...,", "Its president, Kenji Sato,". A person the
     * article introduced wins over any other capitalised name that could be the subject.
     */
    private static String subjectOf(String prefix, int offset, People people) {
        String trimmed = TRAILING_ADVERBS.matcher(prefix).replaceAll("");
        String withoutAppositive = TRAILING_APPOSITIVE.matcher(trimmed).replaceAll("");
        // "Margaret Doyle, 71, whose garden backs on to the site,": one appositive after another.
        withoutAppositive = TRAILING_APPOSITIVE.matcher(withoutAppositive).replaceAll("");
        String withoutOf = TRAILING_OF_PHRASE.matcher(withoutAppositive).replaceAll("");
        Matcher fallback = null;
        for (String candidate : new String[] {withoutOf, withoutAppositive, trimmed}) {
            Matcher subject = SUBJECT_AT_END.matcher(candidate.replaceAll("[,\\s]+$", ""));
            if (!subject.find()) {
                continue;
            }
            String written = subject.group("subject");
            boolean known = Lexicon.PRONOUNS.contains(written.toLowerCase(Locale.ROOT))
                    || subject.group("role") != null || people.find(written) != null;
            if (known) {
                return resolveSubject(subject, offset + subject.start("subject"), people);
            }
            if (fallback == null) {
                fallback = subject;
            }
        }
        return fallback == null ? null : resolveSubject(fallback, offset + fallback.start("subject"), people);
    }

    /** The first name of two or more words in a text, such as the subject of "Claire Dubois put it bluntly:". */
    private static String firstMultiWordName(String text, int offset, People people) {
        Matcher name = CAPITALISED_NAME.matcher(text);
        while (name.find()) {
            String candidate = People.stripTitles(People.clean(name.group()));
            String[] words = candidate.split(" ");
            if (!candidate.isBlank() && (words.length >= 2 || people.find(candidate) != null)
                    && !Lexicon.NOT_NAMES.contains(words[0].toLowerCase(Locale.ROOT))) {
                return people.resolveName(name.group(), offset + name.start());
            }
        }
        return null;
    }

    private static String resolveSubject(Matcher m, int position, People people) {
        String subject = m.group("subject");
        if (Lexicon.PRONOUNS.contains(subject.toLowerCase(Locale.ROOT))) {
            return subject.equalsIgnoreCase("we") || subject.equals("I") || subject.equalsIgnoreCase("they")
                    ? null : people.resolvePronoun(position);
        }
        if (m.group("role") != null && (subject.startsWith("the ") || subject.startsWith("The "))) {
            return people.resolveRole(m.group("role"), position);
        }
        if (m.group("doc") != null) {
            return "the " + m.group("doc"); // a document: its kind is DOCUMENT
        }
        if (m.group("orgnoun") != null) {
            return institution(people, position, subject, m.group("orgnoun"));
        }
        if (m.group("org") != null) {
            String institution = m.group("org");
            return SpeakerKind.of(institution) == SpeakerKind.ORGANISATION ? institution : null;
        }
        String cleaned = People.stripTitles(People.clean(subject));
        String[] words = cleaned.split(" ");
        // "The Japan-Korea summit" or "Analysts" are not people: accept only names the article introduced, or
        // capitalised names of two or more words.
        if (cleaned.isBlank() || Lexicon.NOT_NAMES.contains(words[0].toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (people.find(cleaned) == null && words.length < 2 && !People.isTitle(subject.split(" ")[0])) {
            return null;
        }
        return people.resolveName(subject, position);
    }

    /** "said", "added", "told reporters": the verb, with its object only where the object is the audience. */
    private static String cue(Matcher m) {
        String verb = m.group("verb") != null || !m.pattern().pattern().contains("(?<verb2>") ? m.group("verb") : m.group("verb2");
        if (!verb.startsWith("told") && !verb.startsWith("tell")) {
            return verb;
        }
        String object = m.pattern().pattern().contains("(?<object>") ? m.group("object") : null;
        return (verb + (object == null ? "" : object)).strip();
    }

    /**
     * A quote with no attribution in its own sentence: "She added:" in the sentence before, or the second half of a
     * quote split around its attribution ("A," Whitfield said. "B.").
     */
    private static Attribution attributionFromContext(String body, QuotedSpan quote, Span sentence, Span previous,
                                                      Attribution previousQuote, People people) {
        boolean quoteOpensSentence = quote.openMark() <= sentence.start();
        if (!quoteOpensSentence || previous == null) {
            return null;
        }
        String previousText = body.substring(previous.start(), previous.end()).strip();
        if (previousText.endsWith(":")) {
            Matcher verb = SPEECH_VERB.matcher(previousText);
            int lastStart = -1;
            String lastVerb = null;
            while (verb.find()) {
                lastStart = verb.start();
                lastVerb = verb.group("verb");
            }
            if (lastStart >= 0) {
                String speaker = subjectOf(previousText.substring(0, lastStart), previous.start(), people);
                if (speaker != null) {
                    return new Attribution(speaker, lastVerb, previous.start() + lastStart);
                }
            }
        }
        if (previousQuote != null && previousQuote.speaker() != null && quote.openMark() - previousQuote.position() < 400) {
            String between = body.substring(Math.min(previousQuote.position() + 1, quote.openMark()), quote.openMark());
            // The same paragraph, or the next one when only the attribution ("Whitfield said.") stands between: a
            // quote that goes on in a new paragraph keeps its speaker.
            if (!between.contains("\n") || isOnlyAttribution(between)) {
                return new Attribution(previousQuote.speaker(), previousQuote.cue(), quote.openMark());
            }
        }
        // "The project's chief engineer, Tomás Reyes, described the repairs at a public hearing." and then the quote:
        // the person the sentence before introduces as speaking.
        String introduction = body.substring(previous.start(), previous.end());
        if (!introduction.contains("“") && !introduction.contains("\"") && !introduction.contains("「")) {
            Matcher verb = INTRODUCING_VERB.matcher(introduction);
            if (verb.find()) {
                String speaker = subjectOf(introduction.substring(0, verb.start()), previous.start(), people);
                if (speaker != null) {
                    return new Attribution(speaker, verb.group().strip(), previous.start() + verb.start());
                }
            }
            // "Paul Mendes, a teacher in Leeds, received the notification on Wednesday." and then, in a paragraph of
            // its own, a quote with no attribution: the person the paragraph before was about.
            Matcher subject = SENTENCE_SUBJECT.matcher(introduction);
            boolean ownParagraph = body.substring(previous.end(), quote.openMark()).contains("\n");
            if (ownParagraph && subject.lookingAt()) {
                String name = People.stripTitles(People.clean(subject.group("name")));
                if (name.contains(" ") && SpeakerKind.of(name) == SpeakerKind.PERSON
                        && !Lexicon.NOT_NAMES.contains(name.split(" ")[0].toLowerCase(Locale.ROOT))) {
                    return new Attribution(people.resolveName(subject.group("name"), previous.start() + subject.start("name")),
                            null, previous.start());
                }
            }
        }
        return null;
    }

    /**
     * The previous quote ended with a comma and only an attribution ending with a comma stands between it and this
     * one: “A,” she said, “b ...”.
     */
    private static boolean continuesSplitSentence(String body, int previousClose, int openMark) {
        if (previousClose < 1 || openMark <= previousClose || body.charAt(previousClose - 1) != ',') {
            return false;
        }
        String between = body.substring(previousClose + 1, openMark);
        return between.length() <= 100 && between.strip().endsWith(",") && between.chars().noneMatch(c -> ".!?\n“”\"".indexOf(c) >= 0)
                && SPEECH_VERB.matcher(between).find();
    }

    /** Between two quotes: nothing but an attribution such as "Whitfield said." and spaces. */
    private static boolean isOnlyAttribution(String between) {
        String text = between.strip();
        String sentence = text.replaceAll("[.!?]+$", "");
        return text.length() <= 80 && !text.contains("\n") && sentence.chars().noneMatch(c -> c == '.' || c == '!' || c == '?')
                && SUBJECT_VERB_AFTER.matcher(text).find();
    }

    /** A fragment in a sentence that characterises: "describing the meeting as “warm”". */
    private static Attribution characterisation(String body, QuotedSpan quote, Span sentence, People people) {
        int from = windowStart(quote, sentence);
        String before = body.substring(from, quote.openMark());
        Matcher verb = CHARACTERISING_VERB.matcher(before);
        int verbAt = -1;
        while (verb.find()) {
            verbAt = verb.start();
        }
        Matcher speech = SPEECH_VERB.matcher(before);
        int speechAt = -1;
        String speechVerb = null;
        while (speech.find()) {
            speechAt = speech.start();
            speechVerb = speech.group("verb");
        }
        int at = Math.max(verbAt, speechAt);
        if (at < 0) {
            return null; // a scare quote: nobody is said to have used the words
        }
        // "..., describing the meeting as “warm”": a participle after a comma belongs to the sentence's subject.
        boolean participle = at == verbAt && before.substring(verbAt).split("\\s+")[0].endsWith("ing");
        String speaker = participle ? null : subjectOf(before.substring(0, at), from, people);
        if (speaker == null) {
            speaker = people.firstMentionIn(sentence.start(), from + at);
        }
        if (speaker == null) {
            return null;
        }
        String cue = at == verbAt ? before.substring(verbAt).split("\\s+")[0] : speechVerb;
        return new Attribution(speaker, cue, from + at);
    }

    /**
     * Attribution sits close to its quote; looking at most this far back keeps the cost per quote constant, even in
     * a "sentence" of thousands of quotes with no full stop.
     */
    private static int windowStart(QuotedSpan quote, Span sentence) {
        return Math.max(sentence.start(), quote.openMark() - 400);
    }

    /**
     * The reported speech in a sentence, if any. Of the ways a sentence can report speech, the one whose clause starts
     * first wins: in "said the new rent reflected the value of a site that could hold 300 homes" the clause is the
     * whole "the new rent ...", not what follows "that".
     */
    private static ExtractedClaim reportedSpeech(String body, Span sentence, People people) {
        if (!hasWord(body, sentence.start(), sentence.end(), REPORTING_VERBS)) {
            return null; // most sentences: the three patterns below need one of these verbs
        }
        String text = body.substring(sentence.start(), sentence.end());
        ExtractedClaim best = null;
        for (Pattern pattern : new Pattern[] {REPORTED_THAT, REPORTED_BARE, REPORTED_AFTER_AND}) {
            Matcher m = pattern.matcher(text);
            if (!m.find() || best != null && sentence.start() + m.start("clause") >= best.start()) {
                continue;
            }
            String speaker = resolveSubject(m, sentence.start() + m.start("subject"), people);
            if (speaker == null) {
                continue;
            }
            int start = sentence.start() + m.start("clause");
            int end = sentence.start() + clauseEnd(m.group("clause"), m.start("clause"));
            if (end - start < 8 || wordCount(m.group("clause")) < 3) {
                continue;
            }
            best = claim(body, ClaimType.INDIRECT_QUOTE, start, end, speaker, cue(m));
        }
        return best;
    }

    /**
     * "Affected customers were being contacted by email, it said.": the clause first, its attribution at the end.
     * "It" is the organisation that spoke last, at most a paragraph or two before; "he" and "she" as anywhere else.
     */
    private static ExtractedClaim reportedBefore(String body, Span sentence, People people, ExtractedClaim lastSpeaker) {
        if (!hasWord(body, sentence.start(), sentence.end(), TRAILING_VERBS)) {
            return null;
        }
        Matcher m = REPORTED_TRAILING.matcher(body.substring(sentence.start(), sentence.end()));
        if (!m.lookingAt() || wordCount(m.group("clause")) < 4) {
            return null;
        }
        String speaker;
        if (m.group("it") != null) {
            boolean recent = lastSpeaker != null && sentence.start() - lastSpeaker.end() < 600;
            // A one-word name that "it" refers back to is a company or a body ("Ledgerly said ... it said").
            boolean organisation = recent && (lastSpeaker.speakerKind() == SpeakerKind.ORGANISATION
                    || lastSpeaker.speakerKind() == SpeakerKind.PERSON && !lastSpeaker.speaker().contains(" "));
            speaker = organisation ? lastSpeaker.speaker() : null;
        } else {
            speaker = resolveSubject(m, sentence.start() + m.start("subject"), people);
        }
        if (speaker == null) {
            return null;
        }
        int start = sentence.start() + m.start("clause");
        return claim(body, ClaimType.INDIRECT_QUOTE, start, sentence.start() + m.end("clause"), speaker, m.group("verb"));
    }

    private static final Set<String> TRAILING_VERBS = Set.of("said", "says", "added", "wrote", "warned", "noted",
            "claimed", "insisted", "argued", "explained", "reported");
    private static final Pattern REPORTED_TRAILING = Pattern.compile("(?<clause>\\p{Lu}[^“”\"]{10,}?),\\s+(?:(?<it>it|It)|"
            + SUBJECT + ")\\s+(?<verb>said|says|added|wrote|warned|noted|claimed|insisted|argued|explained|reported)"
            + "[.!?]?\\s*$");

    /** Where a reported clause ends: before the reporter's own words (", a charge the spokesperson rejected"). */
    private static int clauseEnd(String clause, int clauseStart) {
        Matcher tail = REPORTER_TAIL.matcher(clause);
        return clauseStart + (tail.find() ? tail.start() : clause.length());
    }

    private static boolean isCheckWorthy(String body, Span sentence) {
        // "Analysts noted that ...": a view held by people nobody names is a statement to check, not a quote.
        // A named event ("reached agreements with U.S. President Trump", "the dispute over Dokdo, controlled by
        // Korea") and a claimed reception ("has surprised many observers") are checkable without any number.
        return hasCheckWord(body, sentence.start(), sentence.end())
                || CHECK_WORTHY_PHRASE.matcher(body).region(sentence.start(), sentence.end()).find()
                || REPORTED_BY_GROUP.matcher(body).region(sentence.start(), sentence.end()).lookingAt()
                || EVENT.matcher(body).region(sentence.start(), sentence.end()).find()
                && NAMED.matcher(body).region(sentence.start(), sentence.end()).find()
                || RECEPTION.matcher(body).region(sentence.start(), sentence.end()).find();
    }

    /** Every verb the reported-speech patterns know, for a cheap look before trying them. */
    private static final Set<String> REPORTING_VERBS = Set.copyOf(java.util.Arrays.asList(("said|says|told|tells|stated|"
            + "states|noted|notes|explained|argued|argues|claimed|claims|insisted|insists|warned|warns|announced|announces|"
            + "added|confirmed|acknowledged|admitted|estimated|predicted|reported|wrote|testified|believes|believed|"
            + "thinks|promised|pledged|vowed|denied|suggested|stressed|emphasized|emphasised|recalled|mentioned|"
            + "cautioned|observed|conceded|maintained|contended|revealed|disclosed|indicated|signalled|signaled|"
            + "alleged|asserted|reiterated|complained|countered|replied|responded|agreed|concluded|found|showed|ruled|"
            + "accepted").split("\\|")));

    private static boolean hasWord(String body, int start, int end, Set<String> words) {
        int i = start;
        while (i < end) {
            if (!Character.isLetter(body.charAt(i))) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < end && Character.isLetter(body.charAt(wordEnd))) {
                wordEnd++;
            }
            if (words.contains(body.substring(i, wordEnd))) {
                return true;
            }
            i = wordEnd;
        }
        return false;
    }

    /** A digit, a currency or percent sign, or one of {@link #CHECK_WORDS}, in one pass over the sentence. */
    private static boolean hasCheckWord(String body, int start, int end) {
        int i = start;
        while (i < end) {
            char c = body.charAt(i);
            if (Character.isDigit(c) || c == '%' || c == '$' || c == '€' || c == '£' || c == '¥') {
                return true;
            }
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < end && Character.isLetter(body.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd - i <= 13 && CHECK_WORDS.contains(body.substring(i, wordEnd).toLowerCase(Locale.ROOT))) {
                return true;
            }
            i = wordEnd;
        }
        return false;
    }

    private static ExtractedClaim claim(String body, ClaimType type, int start, int end, String speaker, String cue) {
        String text = body.substring(start, end);
        List<NumberMention> numbers = ClaimNumbers.in(text).stream()
                .map(n -> new NumberMention(n.text(), n.start() + start, n.end() + start, n.value(), n.unit()))
                .toList();
        return new ExtractedClaim(type, start, end, text, speaker, cue, numbers);
    }

    /**
     * Where a quote's words end: before a trailing comma, which is the article's punctuation standing in for the
     * speaker's full stop (“We will appeal,” she said). A full stop, question or exclamation mark inside the marks
     * stays: it says the speaker's sentence ended there.
     */
    private static int wordsEnd(String body, QuotedSpan quote) {
        int end = quote.end();
        while (end > quote.start() + 1 && ",，、 ".indexOf(body.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean startsLikeASentence(String text) {
        char first = text.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || first == '.' || first == '…'
                || first == '[' || Character.isIdeographic(first) || !Character.isLetter(first) && first != '\'';
    }

    private static boolean endsWithPunctuation(String text) {
        char last = text.charAt(text.length() - 1);
        return ".,!?…—–-;:。！？".indexOf(last) >= 0;
    }

    private static boolean introducedByColonOrComma(String body, QuotedSpan quote) {
        int i = quote.openMark() - 1;
        while (i >= 0 && body.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (body.charAt(i) == ':' || body.charAt(i) == ',');
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
