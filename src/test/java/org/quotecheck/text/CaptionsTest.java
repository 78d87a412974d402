package org.quotecheck.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptionsTest {

    @Test
    void webVttCuesBecomeLinesWithTheirTimings() {
        Captions.Parsed parsed = Captions.parse("WEBVTT\n\n00:05.000 --> 00:08.250 align:start\n<v Takaichi>Good evening.</v>\n\n"
                + "1:02:03.500 --> 1:02:07.000\nThe meeting lasted\n45 minutes.\n");
        assertThat(parsed.text()).isEqualTo("Good evening.\nThe meeting lasted 45 minutes.");
        assertThat(parsed.cues()).hasSize(2);
        assertThat(parsed.cues().get(1).fromMillis()).isEqualTo(3_723_500);
        assertThat(Captions.at(parsed.cues(), parsed.text().indexOf("45")).timestamp()).isEqualTo("01:02:03");
    }
}
