package org.metrolims.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.metrolims.app.security.MetroLimsUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page layout shows on every page: who is signed in, which page is current (to mark it
 * in the navigation) and the version in the footer. Applies to every controller, Spring Boot's
 * error controller included, so that error pages get the same header and footer.
 */
@ControllerAdvice
class LayoutModel {

    private final String version;

    LayoutModel(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String fromManifest = LayoutModel.class.getPackage().getImplementationVersion();
        this.version = properties != null ? properties.getVersion()
                : fromManifest != null ? fromManifest : "development";
    }

    @ModelAttribute("appVersion")
    String appVersion() {
        return version;
    }

    /** The request path without the context path, e.g. "/" or "/instruments". */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The language switcher's links: this page's query with the language set. */
    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        return LanguageLinks.of(request);
    }

    /** Null when nobody is signed in (the login page, public error pages). */
    @ModelAttribute("signedInUser")
    SignedInUser signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof UserDetails details)) {
            return null;
        }
        if (details instanceof MetroLimsUser user) {
            String name = user.displayName() == null || user.displayName().isBlank()
                    ? user.getUsername() : user.displayName();
            return new SignedInUser(user.getUsername(), name, user.organizationCode());
        }
        return new SignedInUser(details.getUsername(), details.getUsername(), null);
    }
}
