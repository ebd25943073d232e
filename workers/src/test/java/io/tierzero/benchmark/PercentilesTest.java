package io.tierzero.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheSmallestValueWithAtLeastThatShareAtOrBelowIt() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList().reversed();

        assertThat(Percentiles.nearestRank(hundred, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(hundred, 95)).isEqualTo(95);
        assertThat(Percentiles.nearestRank(hundred, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(List.of(7L, 3L, 5L), 50)).isEqualTo(5);
        assertThat(Percentiles.nearestRank(List.of(7L, 3L, 5L), 99)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(List.of(42L), 0)).isEqualTo(42);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
