package org.quotecheck.claim.extraction;

import java.util.Locale;
import java.util.regex.Pattern;

/** Who a speaker is: a person, an organisation (a company, a ministry, a council) or a document (a statement, a report). */
public enum SpeakerKind {
    PERSON, ORGANISATION, DOCUMENT;

    private static final Pattern ORGANISATION_NAME = Pattern.compile("(?i)(?:\\b(?:inc|corp|corporation|ltd|llc|plc|gmbh|ag|"
            + "co|company|marine|group|holdings|bank|ministry|department|office|agency|council|commission|committee|"
            + "authority|police|party|government|institute|foundation|union|association|university|hospital|court|"
            + "administration|bureau|board|service|services|airlines|airways|railways|systems|industries|partners|"
            + "network|press|times|post|news|federation|league|club|church|embassy|secretariat|cabinet|parliament|"
            + "senate|congress|assembly|army|navy|military|fund|trust|coalition|alliance|organization|organisation|"
            + "ferries|appliances|estates|homes|athletic|united|motors|energy|pharmaceuticals|foods|rail|telecom|media|"
            + "capital|securities|insurance|logistics|shipping|construction|developments|properties|electric|steel|"
            + "mining|technologies|labs|software|airport|port|stores|brands|studios|records|publishing)\\.?$"
            + "|^(?:the\\s+)?(?:ministry|department|office|government|council|commission|committee|police)\\b)");
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
        if (ORGANISATION_NAME.matcher(name).find() || CJK_ORGANISATION.matcher(name).find()) {
            return ORGANISATION;
        }
        return PERSON;
    }

    /** The word for people: "person", "organisation", "document". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
