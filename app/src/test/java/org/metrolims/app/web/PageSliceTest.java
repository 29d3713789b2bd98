package org.metrolims.app.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice for page controllers, with the application's real security chains: a slice leaves
 * out {@code @Configuration} classes, and Spring Boot's default security would then serve its own
 * generated form at /login in place of ours and let nothing through anonymously.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.metrolims\\.app\\.security\\.(SecurityConfiguration|ProblemSecurityHandlers)"))
@interface PageSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
