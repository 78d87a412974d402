package org.quotecheck.claim.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speakers of quotes in Korean, Japanese and Chinese. In Korean and Japanese the speech verb follows the quote,
 * joined to it by a particle (“…”고 말했다, “…”라고 밝혔다; 「…」と述べた), and the speaker is the topic or subject of
 * the sentence, marked by a particle before the quote (이재명 대통령은, 高市首相は). Chinese names the speaker with
 * 说/表示 before or after the quote. Titles after a name (대통령, 首相, 外长) are dropped; a pronoun (그는, 彼は, 他说)
 * is the person named last before it. Pure Java.
 */
final class CjkAttribution {

    /** The result: who spoke and the words that said so. */
    record Found(String speaker, String cue) {
    }

    private static final String KO_TITLES = "대통령|총리|국무총리|부총리|장관|차관|대변인|위원장|대표|의원|교수|회장|사장|"
            + "시장|지사|총장|청장|원장|실장|수석|비서관|박사|기자|감독|소장|센터장|이사장|부대변인|외교관";
    private static final String JA_TITLES = "首相|大統領|外相|官房長官|大臣|長官|知事|市長|社長|会長|教授|氏|さん|"
            + "報道官|代表|議員|委員長|総裁|幹事長|准教授|研究員|部長|局長|次官";
    private static final String ZH_TITLES = "总统|主席|部长|外长|发言人|总理|副总理|大使|教授|市长|省长|主任|局长|董事长|总裁";

    /** “…”고 말했다 / “…”라고 밝혔다 / “…”며 강조했다: the particle, then a verb of saying within a few words. */
    private static final Pattern KO_AFTER = Pattern.compile("^(?:이?라고|고|며|면서)\\s*(?:[^\\s.“”\"]+\\s+){0,3}?"
            + "(?<verb>말했|밝혔|강조했|설명했|덧붙였|전했|주장했|지적했|언급했|답했|말하|밝히|강조하|설명하|주장하|지적하|"
            + "발표했|경고했|호소했|당부했|비판했|반박했|했)");
    /** 이재명 대통령은 / 외교부는 / 그는: a name (two to six syllables, or two words), a title, a topic or subject particle. */
    private static final Pattern KO_SUBJECT = Pattern.compile("(?:^|[\\s,(“\"])(?<name>[가-힣]{2,6}(?:\\s[가-힣]{1,4})?)"
            + "(?:\\s?(?<title>" + KO_TITLES + "))?(?:은|는|이|가|도)(?=\\s)");
    private static final Pattern KO_PRONOUN = Pattern.compile("(?:^|[\\s,])(?:그는|그녀는|그가|그녀가|그도|그녀도)(?=\\s)");

    /** 「…」と述べた / 「…」と語った / 「…」と強調した. */
    private static final Pattern JA_AFTER = Pattern.compile("^と(?:[^。「」『』]{0,12}?)(?<verb>述べ|語っ|話し|強調し|説明し|"
            + "明らかにし|言っ|指摘し|訴え|発表し|答え|主張し|記者団に語っ|述べまし|語りまし|話しまし)");
    /** 高市早苗首相は / 外務省は / 彼は: a name in kanji or katakana, an optional title, は or が. */
    private static final Pattern JA_SUBJECT = Pattern.compile("(?<name>[\\p{IsHan}々ァ-ヶー・]{2,10}?)"
            + "(?<title>" + JA_TITLES + ")?(?:は|が|も)");
    private static final Pattern JA_PRONOUN = Pattern.compile("(?:彼|彼女)(?:は|が|も)");

    /** 王毅说：“…” / 王毅表示，“…”. */
    private static final Pattern ZH_BEFORE = Pattern.compile("(?<name>[\\p{IsHan}·]{2,6}?)(?<title>" + ZH_TITLES + ")?"
            + "(?:在[^，。“”]{0,20})?(?<verb>说|表示|指出|强调|称|认为|坦言|回应)[：:，,]?\\s*$");
    /** “…”，王毅说。 / “…”他表示。 */
    private static final Pattern ZH_AFTER = Pattern.compile("^[，,]?\\s*(?<name>[\\p{IsHan}·]{1,6}?)(?<title>" + ZH_TITLES
            + ")?(?<verb>说|表示|指出|强调|称|补充说|坦言)");

    private CjkAttribution() {
    }

    /** Whether the article is written in a script these rules read. */
    static boolean applies(Script script) {
        return script == Script.HANGUL || script == Script.JAPANESE || script == Script.HAN;
    }

    /** The speaker of {@code quote}, or null when the sentence does not say. */
    static Found speaker(String body, QuotedSpan quote, Span sentence, Span previous, Script script, List<Found> earlier) {
        String after = body.substring(quote.closeMark() + 1, Math.min(body.length(), quote.closeMark() + 60));
        String before = body.substring(sentence.start(), Math.max(sentence.start(), quote.openMark()));
        return switch (script) {
            case HANGUL -> korean(body, quote, before, after, previous, earlier);
            case JAPANESE -> japanese(body, before, after, previous, earlier);
            case HAN -> chinese(before, after, earlier);
            default -> null;
        };
    }

    private static Found korean(String body, QuotedSpan quote, String before, String after, Span previous, List<Found> earlier) {
        Matcher verb = KO_AFTER.matcher(after);
        String cue = verb.find() ? verb.group("verb") + "다" : null;
        if (cue == null) {
            return null;
        }
        String name = lastKoreanSubject(before, body);
        Matcher pronoun = KO_PRONOUN.matcher(before);
        int pronounAt = -1;
        while (pronoun.find()) {
            pronounAt = pronoun.start();
        }
        if (pronounAt >= 0 && pronounAt >= lastKoreanSubjectAt(before)) {
            String last = lastSpeaker(earlier);
            name = last != null ? last : name;
        }
        if (name == null && previous != null) {
            // “…”고 말했다 with the speaker named in the sentence before, as the subject of the quote's lead-in.
            name = lastKoreanSubject(body.substring(previous.start(), previous.end()), body);
        }
        return name == null ? null : new Found(name, cue);
    }

    private static String lastKoreanSubject(String text, String body) {
        String name = null;
        int at = -1;
        Matcher subject = KO_SUBJECT.matcher(text);
        while (subject.find()) {
            String candidate = subject.group("name");
            if (subject.group("title") == null && candidate.contains(" ")) {
                // "이재명 대통령" without a listed title: the second word is a title or a noun, keep the name
                candidate = candidate.substring(0, candidate.indexOf(' '));
            }
            if (!NOT_KOREAN_SPEAKERS.contains(candidate) && !candidate.matches("(?:" + KO_TITLES + ").*")) {
                name = candidate;
                at = subject.start();
            }
        }
        // "이 대통령은": a surname and a title, for the person named in full earlier ("이재명 대통령").
        Matcher surname = KO_SURNAME_TITLE.matcher(text);
        while (surname.find()) {
            if (surname.start() >= at) {
                Matcher full = Pattern.compile("(" + Pattern.quote(surname.group("surname")) + "[가-힣]{1,3})\\s?"
                        + Pattern.quote(surname.group("title"))).matcher(body);
                if (full.find()) {
                    name = full.group(1);
                    at = surname.start();
                }
            }
        }
        return name;
    }

    private static int lastKoreanSubjectAt(String text) {
        int at = -1;
        Matcher subject = KO_SUBJECT.matcher(text);
        while (subject.find()) {
            at = subject.start();
        }
        Matcher surname = KO_SURNAME_TITLE.matcher(text);
        while (surname.find()) {
            at = Math.max(at, surname.start());
        }
        return at;
    }

    private static final Pattern KO_SURNAME_TITLE = Pattern.compile("(?:^|[\\s,])(?<surname>[가-힣])\\s(?<title>"
            + KO_TITLES + ")(?:은|는|이|가|도)(?=\\s)");

    /** Subjects that are not speakers: "이번 회담은", "양국은" and the like. */
    private static final java.util.Set<String> NOT_KOREAN_SPEAKERS = java.util.Set.of("이번", "이날", "회담", "양국",
            "정상회담", "그것", "이것", "그러나", "하지만", "또한", "한편", "당시", "현재", "오늘", "어제");

    private static Found japanese(String body, String before, String after, Span previous, List<Found> earlier) {
        Matcher verb = JA_AFTER.matcher(after);
        if (!verb.find()) {
            return null;
        }
        String cue = "と" + verb.group("verb") + "た";
        String name = lastJapaneseSubject(before);
        if (name == null && JA_PRONOUN.matcher(before).find()) {
            name = lastSpeaker(earlier);
        }
        if (name == null && previous != null) {
            name = lastJapaneseSubject(body.substring(previous.start(), previous.end()));
        }
        return name == null ? null : new Found(fullJapaneseName(name, body), cue);
    }

    /** "高市首相" after "高市早苗首相" earlier in the article: the name as first given. */
    private static String fullJapaneseName(String name, String body) {
        Matcher full = Pattern.compile(Pattern.quote(name) + "([\\p{IsHan}]{1,3}?)(?:" + JA_TITLES + ")").matcher(body);
        return full.find() ? name + full.group(1) : name;
    }

    private static String lastJapaneseSubject(String text) {
        // Only the part after the last clause break: "会談後、高市首相は…" names the subject after "、".
        String name = null;
        for (String clause : text.split("[、。,]")) {
            Matcher subject = JA_SUBJECT.matcher(clause);
            while (subject.find()) {
                String candidate = subject.group("name");
                if (!candidate.equals("彼") && !candidate.equals("彼女") && !NOT_JAPANESE_SPEAKERS.contains(candidate)) {
                    name = candidate;
                }
            }
        }
        return name;
    }

    private static final java.util.Set<String> NOT_JAPANESE_SPEAKERS = java.util.Set.of("会談", "首脳会談", "今回", "両国",
            "会議", "本日", "当初", "時間");

    private static Found chinese(String before, String after, List<Found> earlier) {
        Matcher lead = ZH_BEFORE.matcher(before);
        if (lead.find()) {
            return new Found(lead.group("name"), lead.group("verb"));
        }
        Matcher trail = ZH_AFTER.matcher(after);
        if (trail.find()) {
            String name = trail.group("name");
            if (name.equals("他") || name.equals("她")) {
                String last = lastSpeaker(earlier);
                return last == null ? null : new Found(last, trail.group("verb"));
            }
            return new Found(name, trail.group("verb"));
        }
        return null;
    }

    private static String lastSpeaker(List<Found> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) != null && earlier.get(i).speaker() != null) {
                return earlier.get(i).speaker();
            }
        }
        return null;
    }

    /** Whether a quote reads as a whole utterance rather than a phrase: it ends a sentence, or is long. */
    static boolean isWholeUtterance(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return ".!?。！？…".indexOf(last) >= 0 || trimmed.endsWith("다") || trimmed.endsWith("요")
                || trimmed.codePointCount(0, trimmed.length()) >= 15;
    }
}
