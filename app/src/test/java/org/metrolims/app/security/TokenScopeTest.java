package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which scope each kind of API request needs from a bearer token; empty means no token may make it. */
class TokenScopeTest {

    @Test
    void readsOfSchedulesCoverageAndIntervalAnalysesNeedTheirOwnScopes() {
        assertThat(TokenScope.requiredFor("GET", "/api/schedule/due")).contains(TokenScope.READ_SCHEDULE);
        assertThat(TokenScope.requiredFor("GET", "/api/instrument-types/3/interval-analysis"))
                .contains(TokenScope.READ_SCHEDULE);
        assertThat(TokenScope.requiredFor("GET", "/api/coverage/trend")).contains(TokenScope.READ_COVERAGE);
        assertThat(TokenScope.requiredFor("GET", "/api/standards/7/chain")).contains(TokenScope.READ_REGISTRY);
    }

    @Test
    void writesToSchedulesAndCoverageStayOutOfReachOfEveryToken() {
        assertThat(TokenScope.requiredFor("PUT", "/api/schedule/standards/1/interval")).isEmpty();
        assertThat(TokenScope.requiredFor("POST", "/api/coverage/demand")).isEmpty();
        assertThat(TokenScope.requiredFor("POST", "/api/instrument-types/3/interval-decisions")).isEmpty();
    }

    @Test
    void theStatelessCalculatorTakesAPostUnderItsOwnScope() {
        assertThat(TokenScope.requiredFor("POST", "/api/uncertainty/evaluate"))
                .contains(TokenScope.EVALUATE_UNCERTAINTY);
        assertThat(TokenScope.requiredFor("POST", "/api/accounts/1/tokens")).isEqualTo(Optional.empty());
    }

    @Test
    void everyScopeIsFoundByItsCode() {
        for (TokenScope s : TokenScope.values()) {
            assertThat(TokenScope.ofCode(s.code())).contains(s);
        }
        assertThat(TokenScope.ofCode("write:everything")).isEmpty();
    }
}
