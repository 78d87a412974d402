package org.quotecheck.verification.meaning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.quotecheck.verification.CheckResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared statement pairs (corpus/gold/statement-pairs.json): every answer within {@code accept}, with the model. */
class StatementPairsTest {

    static String resource(String path) throws IOException {
        try (InputStream in = StatementPairsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySharedStatementPairIsAnsweredWithinAccept() throws IOException {
        assertThat(wrong("/corpus/gold/statement-pairs.json", "/corpus/", true)).isEmpty();
    }

    /** Each pair answered outside its accept list, with what the check saw. */
    static List<String> wrong(String pairsPath, String sourceBase, boolean withModel) throws IOException {
        JsonNode gold = new ObjectMapper().readTree(resource(pairsPath));
        List<String> wrong = new ArrayList<>();
        for (JsonNode pair : gold.get("pairs")) {
            String source = resource(sourceBase + pair.get("source").asText());
            CheckResult result = MeaningFixture.check(pair.get("claim").asText(), source, withModel);
            List<String> accept = new ArrayList<>();
            pair.get("accept").forEach(a -> accept.add(a.asText()));
            if (!accept.contains(result.classification().name())) {
                wrong.add(pair.get("id").asText() + ": " + result.classification() + " not in " + accept + " score "
                        + result.score() + " passage " + (result.passage() == null ? null : result.passage().text())
                        + " facts " + result.facts());
            }
        }
        return wrong;
    }
}
