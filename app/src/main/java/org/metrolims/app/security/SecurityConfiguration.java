package org.metrolims.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may reach what. Two chains: the REST API under /api authenticates every request with HTTP
 * Basic (scripts) or an API token sent as {@code Authorization: Bearer} (other systems, see
 * {@link ApiTokens}), keeps no session, and answers 401/403 as problem+json; the pages use form
 * login with a session and CSRF protection.
 * Everything needs a login except health, the login page, static assets and public verification.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String TECHNICIAN = Role.TECHNICIAN.name();
    private static final String OFFICER = Role.OFFICER.name();
    private static final String LAB = Role.LAB.name();
    private static final String ADMIN = Role.ADMIN.name();

    static final String[] PUBLIC_PATHS = {
        "/login", "/actuator/health", "/actuator/health/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
        "/favicon.ico", "/error", "/verify/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems,
            ObjectProvider<ApiTokens> tokens) throws Exception {
        // systems send an API token (Authorization: Bearer ...), people and scripts HTTP Basic; web slice tests
        // have no database and so no tokens
        tokens.ifAvailable(t -> http.addFilterBefore(new BearerTokenFilter(t, problems),
                BasicAuthenticationFilter.class));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfiguration::apiRoles)
                .httpBasic(b -> b.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // credentials travel in the Authorization header only, never in an ambient cookie,
                // so there is nothing for a cross-site request to ride on
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, ObjectProvider<SessionStamps> stamps) throws Exception {
        // a session ends when its account is disabled, its roles change or its password is reset; web slice tests
        // have no database and so no stamps
        stamps.ifAvailable(s -> http.addFilterAfter(new SessionStampFilter(s), SecurityContextHolderFilter.class));
        return http
                .authorizeHttpRequests(SecurityConfiguration::pageRoles)
                .formLogin(f -> f.loginPage("/login").failureHandler(new LoginFailurePage()).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }

    /**
     * Role rules of the API, by path, ahead of any body parsing, so that a refused role gets 403 whatever it sends.
     * Which object a permitted role may see or change (its own organization's) is decided by the services, which
     * answer 404 for objects of other organizations. The access matrix test pins every endpoint down.
     */
    static void apiRoles(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a
                // calibration records: technicians draft, submit, approve and correct; everyone signed in reads
                // what the records let them see
                .requestMatchers(GET, "/api/calibrations/review-queue").hasRole(TECHNICIAN)
                .requestMatchers(POST, "/api/calibrations", "/api/calibrations/**").hasRole(TECHNICIAN)
                .requestMatchers(PUT, "/api/calibrations/**").hasRole(TECHNICIAN)
                // procedure templates: an organization's technicians keep and read its own (others' are 404)
                .requestMatchers("/api/procedures", "/api/procedures/**").hasRole(TECHNICIAN)
                // registry: technicians of the owning organization and administrators write
                .requestMatchers(POST, "/api/instruments", "/api/instruments/**", "/api/standards",
                        "/api/standards/**").hasAnyRole(TECHNICIAN, ADMIN)
                .requestMatchers(PUT, "/api/instruments/**", "/api/standards/**").hasAnyRole(TECHNICIAN, ADMIN)
                // proficiency testing: the stateless scorer is a calculator; officers run rounds; labs apply,
                // submit and read their own
                .requestMatchers(POST, "/api/pt/score").authenticated()
                .requestMatchers(POST, "/api/pt/rounds/*/results").hasRole(LAB)
                .requestMatchers(POST, "/api/pt/rounds/*/enrolments").hasAnyRole(OFFICER, LAB)
                .requestMatchers(GET, "/api/pt/my/**").hasRole(LAB)
                .requestMatchers(GET, "/api/pt/schemes", "/api/pt/rounds", "/api/pt/rounds/*",
                        "/api/pt/rounds/*/enrolments", "/api/pt/rounds/*/results", "/api/pt/rounds/*/scores",
                        "/api/pt/rounds/*/report.pdf", "/api/pt/rounds/*/letters/*")
                        .hasAnyRole(OFFICER, LAB)
                .requestMatchers("/api/pt/**").hasRole(OFFICER)
                // certificates: technicians of the issuing lab issue, amend, withdraw and batch (signatures);
                // everyone reads what the service lets them see
                .requestMatchers(POST, "/api/certificates", "/api/certificates/**").hasRole(TECHNICIAN)
                // coverage: the province's figures are for officers, technicians and administrators; demand is
                // imported by officers and administrators
                .requestMatchers(POST, "/api/coverage/**").hasAnyRole(OFFICER, ADMIN)
                // the annual coverage report goes upward from the bureau: officers and administrators
                .requestMatchers(GET, "/api/coverage/report.pdf").hasAnyRole(OFFICER, ADMIN)
                .requestMatchers("/api/coverage", "/api/coverage/**").hasAnyRole(OFFICER, TECHNICIAN, ADMIN)
                // schedules: province-wide intervals (a procedure's, an instrument type's) are an officer's or an
                // administrator's decision; a lab's capacities and a standard's interval are set by the
                // organization's technicians and administrators
                .requestMatchers(PUT, "/api/schedule/procedures/*/interval").hasAnyRole(OFFICER, ADMIN)
                .requestMatchers(POST, "/api/instrument-types/*/interval-decisions").hasAnyRole(OFFICER, ADMIN)
                .requestMatchers(PUT, "/api/schedule/**").hasAnyRole(TECHNICIAN, ADMIN)
                .requestMatchers(POST, "/api/instrument-types/**").hasAnyRole(TECHNICIAN, ADMIN)
                // accounts and API tokens
                .requestMatchers("/api/accounts/**").hasRole(ADMIN)
                .anyRequest().authenticated();
    }

    /** Role rules of the pages; as for the API, object rules stay in the services. */
    static void pageRoles(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a
                .requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers("/calibrations/new", "/calibrations/review").hasRole(TECHNICIAN)
                .requestMatchers(POST, "/calibrations/**").hasRole(TECHNICIAN)
                .requestMatchers("/procedures", "/procedures/**", "/options/procedures").hasRole(TECHNICIAN)
                .requestMatchers(POST, "/registry/**").hasAnyRole(TECHNICIAN, ADMIN)
                .requestMatchers(POST, "/schedule/intervals/*/decision").hasAnyRole(OFFICER, ADMIN)
                .requestMatchers(POST, "/schedule/**").hasAnyRole(TECHNICIAN, ADMIN)
                .requestMatchers("/certificates/issue", "/certificates/batches/new").hasRole(TECHNICIAN)
                .requestMatchers(POST, "/certificates/**").hasRole(TECHNICIAN)
                .requestMatchers(GET, "/coverage/report.pdf").hasAnyRole(OFFICER, ADMIN)
                .requestMatchers("/coverage", "/coverage/**").hasAnyRole(OFFICER, TECHNICIAN, ADMIN)
                .requestMatchers("/pt/my", "/pt/my/**").hasRole(LAB)
                .requestMatchers("/pt/**").hasRole(OFFICER)
                .requestMatchers("/accounts", "/accounts/**").hasRole(ADMIN)
                .requestMatchers("/organizations", "/organizations/**").hasRole(ADMIN)
                .requestMatchers("/portal", "/portal/**").hasRole(LAB)
                .anyRequest().authenticated();
    }

    /** bcrypt by default; the {id} prefix lets a later policy move to argon2 without a flag day. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
