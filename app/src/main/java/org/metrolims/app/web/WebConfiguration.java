package org.metrolims.app.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language: chosen once with {@code ?lang=zh-CN} or {@code ?lang=en} and then kept in a
 * cookie (not the session, so the choice survives logout and the login page can use it);
 * before any choice, the browser's Accept-Language decides between the supported languages.
 */
@Configuration(proxyBeanMethods = false)
// registered here as well as by the application's scan so that web slice tests bind it too
@EnableConfigurationProperties(ProvinceSettings.class)
class WebConfiguration implements WebMvcConfigurer {

    static final String LOCALE_COOKIE = "LIMS_LANG";
    static final String LOCALE_PARAM = "lang";

    /** The province's one "today" for every figure. */
    @Bean
    ProvinceToday provinceToday(ProvinceSettings province) {
        return ProvinceToday.of(province);
    }

    /** Named {@code localeResolver}: the DispatcherServlet looks it up by that name. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LOCALE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> SupportedLocales.bestOf(request.getLocales()));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChangeInterceptor());
    }

    /**
     * Accepts only the languages we have: {@code ?lang=fr} is ignored rather than stored, so the
     * page never claims {@code <html lang="fr">} while showing English text.
     */
    static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        SupportedLocaleChangeInterceptor() {
            setParamName(LOCALE_PARAM);
            setIgnoreInvalidLocale(true);
        }

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            return SupportedLocales.match(Locale.forLanguageTag(localeValue.replace('_', '-')))
                    .orElseThrow(() -> new IllegalArgumentException("unsupported language: " + localeValue));
        }
    }
}
