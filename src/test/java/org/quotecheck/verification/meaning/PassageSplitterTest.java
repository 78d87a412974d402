package org.quotecheck.verification.meaning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Passages end at sentence ends in every script and never grow past the limit, whatever the text. */
class PassageSplitterTest {

    private static List<String> sentences(String text) {
        return PassageSplitter.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void englishSentencesEndAtTheirStopsButNotAtAbbreviationsOrDecimals() {
        assertThat(sentences("Mr. Lee met Dr. Tanaka at 3 p.m. in the U.S. embassy. It lasted 1.5 hours! Why? \"Because.\""))
                .containsExactly("Mr. Lee met Dr. Tanaka at 3 p.m. in the U.S. embassy.", "It lasted 1.5 hours!", "Why?",
                        "\"Because.\"");
    }

    @Test
    void sentencesOfOtherScriptsEndAtTheirOwnMarksWithoutASpace() {
        assertThat(sentences("会談は20分の予定だった。実際は45分続いた！本当か？")).containsExactly("会談は20分の予定だった。",
                "実際は45分続いた！", "本当か？");
        assertThat(sentences("「会談は有意義だった。」と述べた。")).containsExactly("「会談は有意義だった。」", "と述べた。");
        assertThat(sentences("회담은 45분 동안 진행됐다. 예정은 20분이었다.")).containsExactly("회담은 45분 동안 진행됐다.", "예정은 20분이었다.");
        assertThat(sentences("बैठक 45 मिनट चली। यह 20 मिनट की होनी थी।")).containsExactly("बैठक 45 मिनट चली।", "यह 20 मिनट की होनी थी।");
        assertThat(sentences("هل استمر الاجتماع؟ نعم استمر.")).containsExactly("هل استمر الاجتماع؟", "نعم استمر.");
    }

    @Test
    void noSentenceIsLongerThanTheLimitWhateverSeparatesItsWords() {
        String commas = "a,".repeat(100_000);
        String noBreakSpaces = "The\u00a0meeting\u00a0lasted\u00a045\u00a0minutes\u00a0".repeat(10_000);
        String narrowSpaces = "word\u202f".repeat(50_000);
        String oneWord = "x".repeat(100_000);
        String chineseWithoutStops = "会议持续了四十五分钟，".repeat(20_000);
        for (String text : List.of(commas, noBreakSpaces, narrowSpaces, oneWord, chineseWithoutStops)) {
            List<PassageSplitter.Sentence> all = PassageSplitter.sentences(text);
            assertThat(all).isNotEmpty();
            assertThat(all).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(PassageSplitter.MAX_SENTENCE));
            // Nothing is lost: the sentences cover the text but for the spaces between them.
            int covered = all.stream().mapToInt(s -> s.end() - s.start()).sum();
            assertThat(covered).isGreaterThan(text.strip().length() * 9 / 10);
            assertThat(PassageSplitter.passages(text)).allSatisfy(p -> assertThat(p.text().length())
                    .isLessThanOrEqualTo(2 * PassageSplitter.MAX_SENTENCE + 1));
        }
        // A long run is cut after a space (any space), else after a comma, never inside a word when it need not be.
        assertThat(sentences(noBreakSpaces)).allSatisfy(s -> assertThat(s.substring(s.lastIndexOf('\u00a0') + 1))
                .isIn("The", "meeting", "lasted", "45", "minutes"));
        assertThat(sentences(commas)).allSatisfy(s -> assertThat(s).endsWith("a,"));
        assertThat(sentences(chineseWithoutStops)).allSatisfy(s -> assertThat(s).endsWith("，"));
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String text = "\uD835\uDC00".repeat(1_000); // MATHEMATICAL BOLD CAPITAL A, two chars each, no spaces
        for (PassageSplitter.Sentence s : PassageSplitter.sentences(text)) {
            assertThat(Character.isLowSurrogate(text.charAt(s.start()))).isFalse();
            assertThat(Character.isHighSurrogate(text.charAt(s.end() - 1))).isFalse();
        }
    }

    @Test
    @Timeout(30) // a hang guard: each full stop used to look back over the whole run before it
    void manyStopsInOneLongRunStayLinear() {
        String text = "a.".repeat(1_000_000);
        assertThat(PassageSplitter.sentences(text)).allSatisfy(s -> assertThat(s.end() - s.start())
                .isLessThanOrEqualTo(PassageSplitter.MAX_SENTENCE));
    }
}
