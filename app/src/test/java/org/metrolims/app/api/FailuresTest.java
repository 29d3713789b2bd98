package org.metrolims.app.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.FieldError;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;
import org.metrolims.db.failure.RuleViolation;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one failure mapping: each kind of {@link org.metrolims.db.failure.Failure} is the same problem+json whichever
 * controller throws it, its texts come from the bundles in the asker's language, and a page gets the error page.
 */
class FailuresTest {

    /** A refused account lock, as the signatures throw it: a Forbidden with a code, a field and one more member. */
    static final class Locked extends Forbidden {
        Locked() {
            super("ACCOUNT_LOCKED", "password", Message.text("the account is locked"));
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("lockedUntil", Instant.parse("2026-01-01T00:00:00Z").toString());
        }
    }

    record Reading(Double value) {
        Reading {
            if (value != null && value < 0) {
                throw new InvalidInput("value", Message.of("failure.negative", "must not be negative, got " + value,
                        value));
            }
        }
    }

    @RestController
    static class Api {
        @GetMapping("/api/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "input" -> new InvalidInput(List.of(new FieldError("value", Message.of("failure.required",
                        "is required")), FieldError.of("unit", "'kg/' is not a unit {of mass}")));
                case "rule" -> new RuleViolation("DEADLINE_PASSED", "submissionDeadline", "the deadline has passed");
                case "missing" -> new NotFound(Message.of("failure.notFound.calibration", "no calibration 12345",
                        12345L));
                case "forbidden" -> new Forbidden("NOT_PERMITTED", null, "only technicians of the lab");
                case "locked" -> new Locked();
                case "conflict" -> new Conflict(Conflict.STALE_VERSION, "changed since version 3");
                default -> new IllegalStateException("a bug");
            };
        }

        @PostMapping("/api/readings")
        Reading read(@RequestBody Reading reading) {
            return reading;
        }
    }

    @Controller
    static class Pages {
        @GetMapping("/pages/fail")
        String fail() {
            throw new Forbidden("NOT_PERMITTED", null, "only technicians of the lab");
        }
    }

    private final MockMvc mvc;

    FailuresTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/failure");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        mvc = MockMvcBuilders.standaloneSetup(new Api(), new Pages())
                .setControllerAdvice(new Failures(messages), new ApiProblems())
                .build();
    }

    @Test
    void invalidInputIs400NamingEveryFieldWithItsMessage() throws Exception {
        mvc.perform(get("/api/fail/input").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("Invalid value, unit."))
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"))
                .andExpect(jsonPath("$.errors[1].field").value("unit"))
                // an English text without a key is shown as written, quotes and braces included
                .andExpect(jsonPath("$.errors[1].message").value("'kg/' is not a unit {of mass}"))
                .andExpect(jsonPath("$.code").doesNotExist());
    }

    @Test
    void eachKindHasItsStatusTitleAndCode() throws Exception {
        mvc.perform(get("/api/fail/rule")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not allowed now"))
                .andExpect(jsonPath("$.code").value("DEADLINE_PASSED"))
                .andExpect(jsonPath("$.errors[0].field").value("submissionDeadline"));
        mvc.perform(get("/api/fail/missing")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                // an id is not grouped as a number would be (12,345)
                .andExpect(jsonPath("$.detail").value("no calibration 12345"));
        mvc.perform(get("/api/fail/forbidden")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.code").value("NOT_PERMITTED"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        mvc.perform(get("/api/fail/locked")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Account locked"))
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.lockedUntil").value("2026-01-01T00:00:00Z"));
        mvc.perform(get("/api/fail/conflict")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
    }

    @Test
    void speaksTheLanguageOfTheRequestWhereTheBundleHasTheText() throws Exception {
        mvc.perform(get("/api/fail/input").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.detail").value("无效的字段：value, unit。"))
                .andExpect(jsonPath("$.errors[0].message").value("必填"))
                .andExpect(jsonPath("$.errors[1].message").value("'kg/' is not a unit {of mass}"));
        mvc.perform(get("/api/fail/missing").header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("没有编号为 12345 的校准记录"));
    }

    @Test
    void aFailureWhileTheBodyIsReadIsAnsweredAsThatFailure() throws Exception {
        mvc.perform(post("/api/readings").contentType(MediaType.APPLICATION_JSON).content("{\"value\": -1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be negative, got -1.5"));
    }

    @Test
    void aPageGetsTheErrorPageWithTheStatusNotProblemJson() throws Exception {
        mvc.perform(get("/pages/fail"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(""));
    }

    @Test
    void anythingElseIsStillTheLastResort500() throws Exception {
        mvc.perform(get("/api/fail/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail", containsString("has been logged")));
    }
}
