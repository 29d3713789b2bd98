package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Drives Spring Boot's error controller the way the servlet container's error dispatch does. The
 * error details are switched on here on purpose: the template itself must not show them, whatever
 * the server settings say.
 */
@PageSliceTest(LoginController.class)
@TestPropertySource(properties = {
    "server.error.include-stacktrace=always", "server.error.include-message=always",
    "server.error.include-exception=true"
})
class ErrorPageTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void showsAFailureWithoutItsInternals() {
        assertThat(mvc.get().uri("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/instruments")
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("db password is hunter2")))
                .bodyText()
                .contains("Error 500", "Something went wrong")
                .doesNotContain("hunter2", "IllegalStateException", "at org.", "Whitelabel");
    }

    @Test
    void explainsAMissingPageInTheReadersLanguage() {
        assertThat(mvc.get().uri("/error").accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere"))
                .bodyText()
                .containsPattern("<html[^>]*\\blang=\"zh-CN\"")
                .contains("页面不存在", "返回首页");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void explainsAForbiddenPageAndKeepsTheSignOutButton() {
        assertThat(mvc.get().uri("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/users"))
                .bodyText()
                .contains("Not allowed", "lab1", "action=\"/logout\"");
    }
}
