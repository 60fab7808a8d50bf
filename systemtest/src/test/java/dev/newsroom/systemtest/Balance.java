package dev.newsroom.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.systemtest.scenario.Scenario;

/** The one verdict every scenario ends with: nothing lost, nothing twice, nothing wrong, nothing left pending. */
final class Balance {

    private Balance() {
    }

    static void assertBalanced(Scenario.Outcome outcome) {
        assertThat(outcome.verdict().violations()).as("violations (duplicates, wrong dead letters, bad deliveries)")
                .isEmpty();
        assertThat(outcome.verdict().missing()).as("expected outputs that never came").isEmpty();
        assertThat(outcome.account().problems()).as("problems in the pipeline's own account").isEmpty();
        assertThat(outcome.account().pending()).as("inputs still pending in the pipeline's own account").isZero();
    }
}
