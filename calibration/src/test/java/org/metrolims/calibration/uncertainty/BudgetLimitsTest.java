package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetLimitsTest {

    @Test
    void aBudgetOfMoreThan200ComponentsIsRefusedNamingComponents() {
        assertThatThrownBy(() -> UncertaintyBudget.of(components(201)))
                .isInstanceOfSatisfying(UncertaintyInputException.class,
                        e -> assertThat(e.input()).isEqualTo("components"))
                .hasMessageContaining("at most 200");
    }

    @Test
    void twoHundredFullyCorrelatedComponentsEvaluateQuickly() {
        List<UncertaintyComponent> components = components(200);
        List<Correlation> correlations = new ArrayList<>();
        for (int i = 1; i < 200 && correlations.size() < UncertaintyBudget.MAX_CORRELATIONS; i++) {
            correlations.add(new Correlation("c0", "c" + i, 0.01));
        }
        long start = System.nanoTime();
        EvaluatedUncertainty u = new UncertaintyBudget(components, correlations, CoverageFactor.DEFAULT_PROBABILITY)
                .evaluate();
        assertThat(u.combinedStandardUncertainty()).isPositive();
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(1.0);
    }

    @Test
    void moreThan1000CorrelationsAreRefusedNamingCorrelations() {
        List<Correlation> correlations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            for (int j = i + 1; j < 50 && correlations.size() <= UncertaintyBudget.MAX_CORRELATIONS; j++) {
                correlations.add(new Correlation("c" + i, "c" + j, 0.0));
            }
        }
        assertThatThrownBy(() -> new UncertaintyBudget(components(50), correlations, 0.95))
                .isInstanceOfSatisfying(UncertaintyInputException.class,
                        e -> assertThat(e.input()).isEqualTo("correlations"));
    }

    @Test
    void aTypeAEvaluationOfMoreThan1000ReadingsIsRefusedNamingValues() {
        assertThatThrownBy(() -> TypeAEvaluation.of(new double[1001]))
                .isInstanceOfSatisfying(UncertaintyInputException.class, e -> assertThat(e.input()).isEqualTo("values"));
    }

    private static List<UncertaintyComponent> components(int n) {
        List<UncertaintyComponent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UncertaintyComponent.standard("c" + i, 0.001 * (i + 1)));
        }
        return out;
    }
}
