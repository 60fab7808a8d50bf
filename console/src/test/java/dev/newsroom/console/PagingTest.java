package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<Integer> TEN_THOUSAND = IntStream.range(0, 10_000).boxed().toList();

    @Test
    void aPageHoldsItsRowsAndKnowsItsNeighbours() {
        Paging<Integer> page = Paging.of(TEN_THOUSAND, 3, 50);

        assertThat(page.rows()).hasSize(50).startsWith(100).endsWith(149);
        assertThat(page.pages()).isEqualTo(200);
        assertThat(page.first()).isEqualTo(101);
        assertThat(page.last()).isEqualTo(150);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void pagesOutOfRangeAndOversizedPagesAreClamped() {
        assertThat(Paging.of(TEN_THOUSAND, 999, 50).page()).isEqualTo(200);
        assertThat(Paging.of(TEN_THOUSAND, -4, 50).page()).isEqualTo(1);
        assertThat(Paging.of(TEN_THOUSAND, 1, 1_000_000).rows()).hasSize(Paging.MAX_SIZE);
        assertThat(Paging.of(TEN_THOUSAND, 200, 50).hasNext()).isFalse();
    }

    @Test
    void anEmptyListIsOnePageWithNothingOnIt() {
        Paging<Integer> page = Paging.of(List.of(), 1, 50);

        assertThat(page.rows()).isEmpty();
        assertThat(page.pages()).isEqualTo(1);
        assertThat(page.first()).isZero();
        assertThat(page.last()).isZero();
    }
}
