package org.metrolims.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. Spring Security processes the POST to /login and redirects back here
 * with {@code ?error} after a failed attempt or {@code ?logout} after signing out; both carry no
 * value, so only their presence counts.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("loginFailed", request.getParameterMap().containsKey("error"));
        model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
        return "login";
    }
}
