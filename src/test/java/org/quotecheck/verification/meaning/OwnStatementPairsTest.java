package org.quotecheck.verification.meaning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own 62 statement pairs in five domains (src/test/resources/meaning): the accuracy per class and per kind of
 * change is reported in src/site/markdown/verification.md. A changed fact must never pass as faithful.
 */
class OwnStatementPairsTest {

    @Test
    void ownStatementPairs() throws IOException {
        List<String> wrong = StatementPairsTest.wrong("/meaning/statement-pairs.json", "/meaning/", true);
        wrong.forEach(System.out::println);
        assertThat(wrong).isEmpty();
    }
}
