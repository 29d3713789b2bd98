package org.metrolims.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void refusesASizeAbove500NamingSize() {
        assertThatThrownBy(() -> new PageRequest(0, 1000)).isInstanceOfSatisfying(PageRequest.InvalidPageException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOfSatisfying(PageRequest.InvalidPageException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
    }

    @Test
    void refusesANegativePageNamingPage() {
        assertThatThrownBy(() -> new PageRequest(-1, 50)).isInstanceOfSatisfying(PageRequest.InvalidPageException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
    }

    @Test
    void refusesAPageWhoseOffsetWouldOverflowNamingPage() {
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 50))
                .isInstanceOfSatisfying(PageRequest.InvalidPageException.class,
                        e -> assertThat(e.field()).isEqualTo("page"));
        assertThat(new PageRequest(Integer.MAX_VALUE / 500, 500).offset()).isPositive();
    }

    @Test
    void aClampedPageFromALinkNeverFails() {
        assertThat(PageRequest.clamped(-5, 20).page()).isZero();
        assertThat(PageRequest.clamped(Integer.MAX_VALUE, 20).offset()).isPositive();
        assertThat(PageRequest.clamped(3, 20)).isEqualTo(new PageRequest(3, 20));
    }
}
