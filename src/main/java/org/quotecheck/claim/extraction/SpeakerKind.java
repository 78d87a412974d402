package org.quotecheck.claim.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Who a speaker is: a person, an organisation (a company, a ministry, a council) or a document (a statement, a report). */
public enum SpeakerKind {
    PERSON, ORGANISATION, DOCUMENT;

    /** Words that end an organisation's name, compared case aside: Kessler Marine, Calder Bay Ferries, Acme Inc. */
    private static final String ORGANISATION_ENDINGS = "inc|corp|corporation|ltd|llc|plc|gmbh|ag|co|company|marine|group|"
            + "holdings|bank|ministry|department|office|agency|council|commission|committee|authority|police|party|government|institute|foundation|"
            + "union|association|university|hospital|court|administration|bureau|board|service|services|airlines|"
            + "airways|railways|systems|industries|partners|network|press|times|post|news|federation|league|club|"
            + "church|embassy|secretariat|cabinet|parliament|senate|congress|assembly|army|navy|military|fund|"
            + "trust|coalition|alliance|organization|organisation|ferries|appliances|estates|homes|athletic|"
            + "united|motors|energy|pharmaceuticals|foods|rail|telecom|media|capital|securities|insurance|"
            + "logistics|shipping|construction|developments|properties|electric|steel|mining|technologies|labs|"
            + "software|airport|port|stores|brands|studios|records|publishing|rovers|wanderers|fc|albion|hotspur|"
            + "reserve";
    private static final Set<String> ORGANISATION_WORDS = Set.of(ORGANISATION_ENDINGS.split("\\|"));
    /** "Division of Emergency Management", "University of Oslo": an institution's word before "of". */
    private static final Pattern OF_INSTITUTION = Pattern.compile("(?i)\\b(?:division|department|ministry|office|bureau|"
            + "board|university|institute|college|school|agency|academy|chamber|court|house|church|bank|council|"
            + "commission|directorate|secretariat|federation|association|society|union) of\\b");
    /** Words that begin one: Ministry of Transport, Department of Health. */
    private static final Set<String> LEADING_WORDS = Set.of("ministry", "department", "office", "government", "council",
            "commission", "committee", "police");
    /** Korean, Japanese and Chinese institutions: 외교부, 대통령실, 外務省, 気象庁, 外交部. */
    private static final Pattern CJK_ORGANISATION = Pattern.compile("(?:부|처|청|실|원|위원회|공사|은행|그룹|당|省|庁|府|"
            + "政府|会社|銀行|委員会|党|局|部|院|集团|公司|银行)$");
    private static final Pattern DOCUMENT_NAME = Pattern.compile("(?i)^(?:the|a|an|its|their)\\s+(?:statement|report|filing|"
            + "release|press release|letter|memo|memorandum|ruling|readout|summary|transcript|complaint|lawsuit|study|"
            + "survey|document|indictment|decision)$");

    /** The kind of a speaker as the extractor names it; PERSON unless the name says otherwise. */
    public static SpeakerKind of(String speaker) {
        if (speaker == null) {
            return null;
        }
        String name = speaker.strip();
        if (DOCUMENT_NAME.matcher(name).matches()) {
            return DOCUMENT;
        }
        if (isOrganisationName(name) || CJK_ORGANISATION.matcher(name).find()) {
            return ORGANISATION;
        }
        return PERSON;
    }

    /** The name ends with an organisation word or begins with one; compared as words, case aside. */
    private static boolean isOrganisationName(String name) {
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(name.charAt(start - 1))) {
            start--;
        }
        String last = name.substring(start, end).toLowerCase(Locale.ROOT);
        if (ORGANISATION_WORDS.contains(last) || last.length() > 4 && last.endsWith("bank")) {
            return true; // "... Bank", and compounds such as Riksbank or Bundesbank
        }
        if (OF_INSTITUTION.matcher(name).find()) {
            return true;
        }
        String[] words = name.toLowerCase(Locale.ROOT).split("\\s+", 3);
        String first = words[0].equals("the") && words.length > 1 ? words[1] : words[0];
        return LEADING_WORDS.contains(first.replaceAll("\\P{L}+$", ""));
    }

    /** The word for people: "person", "organisation", "document". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
