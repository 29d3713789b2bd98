package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Login throttling: counted in the database per account and per address; locks refuse even the right password. */
@AppTest
class LoginThrottleTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired AuthenticationConfiguration authentication;
    @Autowired AccountDetailsService accounts;
    @Autowired LoginThrottle throttle;
    @Autowired DataSource dataSource;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPasswordAndTheLockIsAudited() throws Exception {
        String username = user("throttle-a");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(username, "wrong-" + i, "10.0.0.1"))
                    .andExpect(unauthenticated());
        }
        // from another address too: the lock is on the account
        mvc.perform(login(username, TestAccounts.PASSWORD, "10.0.0.2"))
                .andExpect(unauthenticated());
        mvc.perform(get("/api/version").with(httpBasic(username, TestAccounts.PASSWORD)).with(from("10.0.0.3")))
                .andExpect(status().isUnauthorized());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username).and(AUDIT_EVENT.ACTION.eq("LOGIN_LOCKED"))))
                .isEqualTo(2);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username).and(AUDIT_EVENT.ACTION.eq("LOGIN_FAILED"))))
                .isEqualTo(5);
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCount() throws Exception {
        String username = user("throttle-b");
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(username, "wrong", "10.0.1.1"))
                    .andExpect(unauthenticated());
        }
        mvc.perform(login(username, TestAccounts.PASSWORD, "10.0.1.1"))
                .andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(username, "wrong", "10.0.1.1"))
                    .andExpect(unauthenticated());
        }
        mvc.perform(login(username, TestAccounts.PASSWORD, "10.0.1.1"))
                .andExpect(authenticated());
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryAccount() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("nobody-" + i, "guess", "10.0.2.1"))
                    .andExpect(unauthenticated());
        }
        mvc.perform(login("test-officer", TestAccounts.PASSWORD, "10.0.2.1"))
                .andExpect(unauthenticated());
        mvc.perform(login("test-officer", TestAccounts.PASSWORD, "10.0.2.2"))
                .andExpect(authenticated());
    }

    @Test
    void twentyParallelWrongLoginsGetNoMoreThanFivePasswordEvaluationsAndThenTheRightPasswordIsRefused()
            throws Exception {
        String username = user("throttle-race");
        AuthenticationManager logins = authentication.getAuthenticationManager();
        List<Throwable> outcomes = parallel(20, i -> logins.authenticate(attempt(username, "wrong-" + i, "10.0.9." + i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(BadCredentialsException.class,
                LockedException.class));
        // a BadCredentialsException is a password that was evaluated (the account exists and is enabled)
        assertThat(outcomes).filteredOn(o -> o instanceof BadCredentialsException).hasSize(5);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username).and(AUDIT_EVENT.ACTION.eq("LOGIN_FAILED"))))
                .isEqualTo(5);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username).and(AUDIT_EVENT.ACTION.eq("LOGIN_LOCKED"))))
                .isEqualTo(15);
        assertThatThrownBy(() -> logins.authenticate(attempt(username, TestAccounts.PASSWORD, "10.0.9.99")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void theProviderEvaluatesNoMoreThanFivePasswordsOfTwentyParallelGuesses() throws Exception {
        String username = user("throttle-count");
        AtomicInteger evaluations = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                evaluations.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        var provider = new ThrottledAuthentication(accounts, counting, throttle);
        parallel(20, i -> provider.authenticate(attempt(username, "wrong-" + i, "10.0.8." + i)));
        assertThat(evaluations).hasValue(5);
        assertThatThrownBy(() -> provider.authenticate(attempt(username, TestAccounts.PASSWORD, "10.0.8.99")))
                .isInstanceOf(LockedException.class);
        assertThat(evaluations).hasValue(5);
    }

    @Test
    void parallelLoginsWithTheRightPasswordAreAllAcceptedFromOneAccountAndOneAddress() throws Exception {
        // a script with 30 parallel requests of one account from one address: in-flight attempts are no failures,
        // so neither the account's limit (5) nor the address's (20) is taken for a lock
        String username = user("throttle-parallel-right");
        AuthenticationManager logins = authentication.getAuthenticationManager();
        List<Throwable> outcomes = parallel(30, i -> logins.authenticate(attempt(username, TestAccounts.PASSWORD,
                "10.0.7.1")));

        assertThat(outcomes).containsOnlyNulls();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username).and(AUDIT_EVENT.ACTION.in("LOGIN_FAILED",
                "LOGIN_LOCKED")))).isZero();
    }

    /**
     * Sign-ins from one address queue on that address's throttle row. Each used to wait there holding a pooled
     * connection, so a burst of them (the load bench's 50 people) took the whole pool and other requests timed out
     * on it (503). Now at most {@code concurrent-checks} (4) wait with a connection; the rest wait without one.
     */
    @Test
    void aBurstOfSignInsQueuedOnOneAddressHoldsNoMoreConnectionsThanItsTurns() throws Exception {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        String address = "10.0.8.1";
        List<Future<LoginThrottle.Reservation>> burst = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (Connection holder = dataSource.getConnection()) {
            // another sign-in from the address is in its check: it holds the address's row
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("INSERT INTO login_throttle_lock (subject) VALUES (?) "
                    + "ON DUPLICATE KEY UPDATE subject = VALUE(subject)")) {
                lock.setString(1, "address:" + address);
                lock.executeUpdate();
            }
            int before = pool.getActiveConnections();
            for (int i = 0; i < 12; i++) {
                String username = "burst-" + i;
                burst.add(threads.submit(() -> throttle.reserve(username, address, LoginThrottle.Via.LOGIN)));
            }
            Thread.sleep(1_500);
            assertThat(pool.getActiveConnections() - before).as("connections held by the 12 queued sign-ins")
                    .isLessThanOrEqualTo(4);
            assertThat(dsl.fetchValue("SELECT 1")).as("another request still gets a connection").isEqualTo(1);
            holder.commit(); // as a check does: the row stays, the queued ones take it in turn
        }
        try {
            for (Future<LoginThrottle.Reservation> f : burst) {
                LoginThrottle.Reservation reservation = f.get(30, TimeUnit.SECONDS);
                assertThat(reservation.locked()).as("each sign-in had its turn").isFalse();
                throttle.release(reservation);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs the attempts on as many threads, released together; answers what each threw. */
    private static List<Throwable> parallel(int n, IntConsumer attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        attempt.accept(k);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> r : results) {
                outcomes.add(r.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String user(String prefix) {
        String username = prefix + "-" + System.nanoTime() % 1_000_000;
        long org = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-INST")).fetchSingle()
                .value1();
        long id = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD)).set(APP_USER.DISPLAY_NAME, username)
                .set(APP_USER.ORGANIZATION_ID, org).returningResult(APP_USER.ID).fetchSingle().value1();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "TECHNICIAN").execute();
        return username;
    }
}
