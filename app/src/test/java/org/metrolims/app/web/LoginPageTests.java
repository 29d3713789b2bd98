package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PageSliceTest(LoginController.class)
class LoginPageTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void isShownWithoutLogin() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().hasViewName("login");
    }

    @Test
    void rendersInEnglishWhenTheBrowserAsksForNoLanguageWeHave() {
        assertThat(mvc.get().uri("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8"))
                .hasStatusOk()
                .bodyText()
                .containsPattern("<html[^>]*\\blang=\"en\"")
                .contains("<h1 id=\"login-heading\">Sign in</h1>", "User name", "Password");
    }

    @Test
    void rendersInChineseForAChineseBrowser() {
        assertThat(mvc.get().uri("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8"))
                .hasStatusOk()
                .bodyText()
                .containsPattern("<html[^>]*\\blang=\"zh-CN\"")
                .contains("<h1 id=\"login-heading\">登录</h1>", "用户名", "密码");
    }

    @Test
    void langParameterOverridesTheBrowserAndIsRememberedInACookie() {
        MvcTestResult switched = mvc.get().uri("/login?lang=en")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();

        assertThat(switched).hasStatusOk().bodyText().contains("<h1 id=\"login-heading\">Sign in</h1>");
        assertThat(switched).cookies().hasValue(WebConfiguration.LOCALE_COOKIE, "en");

        assertThat(mvc.get().uri("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .cookie(new Cookie(WebConfiguration.LOCALE_COOKIE, "en")))
                .bodyText().contains("<h1 id=\"login-heading\">Sign in</h1>");
    }

    @Test
    void langParameterSwitchesToChinese() {
        assertThat(mvc.get().uri("/login?lang=zh-CN"))
                .hasStatusOk()
                .bodyText()
                .containsPattern("<html[^>]*\\blang=\"zh-CN\"")
                .contains("<h1 id=\"login-heading\">登录</h1>");
    }

    @Test
    void ignoresALanguageWeDoNotHave() {
        MvcTestResult result = mvc.get().uri("/login?lang=fr").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();

        assertThat(result).hasStatusOk().bodyText().containsPattern("<html[^>]*\\blang=\"zh-CN\"");
        assertThat(result).cookies().doesNotContainCookie(WebConfiguration.LOCALE_COOKIE);
    }

    @Test
    void offersTheLanguageSwitchBeforeLogin() {
        assertThat(mvc.get().uri("/login"))
                .bodyText()
                .contains("href=\"?lang=en\"", "href=\"?lang=zh-CN\"");
    }

    @Test
    void formPostsCredentialsWithTheCsrfToken() {
        assertThat(mvc.get().uri("/login"))
                .bodyText()
                .containsPattern("<form[^>]*method=\"post\"[^>]*action=\"/login\"")
                .contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void saysSoAfterAFailedLogin() {
        assertThat(mvc.get().uri("/login?error"))
                .bodyText()
                .contains("The user name or password is incorrect.", "aria-invalid=\"true\"");
        assertThat(mvc.get().uri("/login?error").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .bodyText()
                .contains("用户名或密码不正确。");
    }

    @Test
    void confirmsTheLogout() {
        assertThat(mvc.get().uri("/login?logout")).bodyText().contains("You have signed out.");
    }

    @Test
    void showsNeitherErrorNorLogoutNoticeOnAPlainVisit() {
        assertThat(mvc.get().uri("/login"))
                .bodyText()
                .doesNotContain("The user name or password is incorrect.", "You have signed out.", "aria-invalid");
    }

    @Test
    void showsNoSignOutButtonToAnAnonymousVisitor() {
        assertThat(mvc.get().uri("/login")).bodyText().doesNotContain("action=\"/logout\"");
    }
}
