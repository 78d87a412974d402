package org.quotecheck.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared verification pairs: every answer within {@code accept}. */
class GoldPairsTest {

    static String resource(String path) throws IOException {
        try (InputStream in = GoldPairsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySharedPairIsAnsweredWithinAccept() throws IOException {
        JsonNode gold = new ObjectMapper().readTree(resource("/corpus/gold/verification-pairs.json"));
        List<String> wrong = new ArrayList<>();
        for (JsonNode pair : gold.get("pairs")) {
            String source = resource("/corpus/" + pair.get("source").asText());
            CheckResult result = Verifier.verify(pair.get("quote").asText(), SourceIndex.build(source), false);
            List<String> accept = new ArrayList<>();
            pair.get("accept").forEach(a -> accept.add(a.asText()));
            if (!accept.contains(result.classification().name())) {
                wrong.add(pair.get("id").asText() + ": " + result.classification() + " not in " + accept + " " + result.differences());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
