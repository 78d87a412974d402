package org.quotecheck.database;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lists of ids in chunks of a fixed size, each id once, in order. Plain JUnit. */
class InListTest {

    @Test
    void idsGoInChunksOfAtMostTheFixedSizeEachOnceInOrder() {
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 70).boxed().toList());
        ids.add(5L); // a duplicate
        List<Integer> chunkSizes = new ArrayList<>();
        List<Long> seen = InList.collect(ids, chunk -> {
            chunkSizes.add(chunk.size());
            return chunk;
        });
        assertThat(chunkSizes).containsExactly(32, 32, 6);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 70).boxed().toList());
        assertThat(InList.collect(List.of(), chunk -> chunk)).isEmpty();
    }

    @Test
    void theParametersAreAlwaysTheSameText() {
        String parameters = InList.parameters("c");
        assertThat(parameters).startsWith("(:c0, :c1").endsWith(":c31)");
        assertThat(parameters.split(",")).hasSize(InList.SIZE);
        assertThatThrownBy(() -> InList.bind(null, "c", LongStream.range(0, 33).boxed().toList()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
