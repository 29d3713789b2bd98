package org.metrolims.app.accounts;

import java.util.Set;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages for user accounts (ADMIN; the role rule is in SecurityConfiguration). */
@Controller
class AccountsController {

    private final AccountAdministration administration;
    private final FormErrors formErrors;

    AccountsController(AccountAdministration administration, FormErrors formErrors) {
        this.administration = administration;
        this.formErrors = formErrors;
    }

    @GetMapping("/accounts")
    String list(Model model) {
        model.addAttribute("accounts", administration.list());
        model.addAttribute("roles", Role.values());
        return "accounts/list";
    }

    /** The new-account form; a field left out is empty, as the form sends it. */
    record NewAccountForm(String username, String displayName, String organizationCode, Set<String> roles,
            String password) {

        NewAccountForm {
            username = username == null ? "" : username;
            displayName = displayName == null ? "" : displayName;
            organizationCode = organizationCode == null ? "" : organizationCode;
            password = password == null ? "" : password;
        }
    }

    /** The roles form: the ticked roles (none ticked sends none). */
    record RolesForm(Set<String> roles) {
    }

    /** The enable / disable form (an absent value disables, as an unticked box sends nothing). */
    record EnabledForm(Boolean enabled) {
    }

    /** The password-reset form. */
    record PasswordForm(String password) {
    }

    @PostMapping("/accounts")
    String create(@AuthenticationPrincipal MetroLimsUser admin, @ModelAttribute NewAccountForm form,
            RedirectAttributes redirect) {
        return act(redirect, () -> administration.create(admin, form.username(), form.displayName(),
                form.organizationCode(), form.roles(), form.password()));
    }

    @PostMapping("/accounts/{id}/roles")
    String roles(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id, @ModelAttribute RolesForm form,
            RedirectAttributes redirect) {
        return act(redirect, () -> administration.setRoles(admin, id, form.roles()));
    }

    @PostMapping("/accounts/{id}/enabled")
    String enabled(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @ModelAttribute EnabledForm form, BindingResult bound, RedirectAttributes redirect) {
        if (bound.hasErrors()) { // not yes or no: named like the service's refusals, in the admin's language
            var first = formErrors.of(bound).getFirst();
            redirect.addFlashAttribute("refusedField", first.field());
            redirect.addFlashAttribute("refused", first.message());
            return "redirect:/accounts";
        }
        return act(redirect, () -> administration.setEnabled(admin, id, Boolean.TRUE.equals(form.enabled())));
    }

    @PostMapping("/accounts/{id}/password")
    String password(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @ModelAttribute PasswordForm form, RedirectAttributes redirect) {
        return act(redirect, () -> administration.resetPassword(admin, id,
                form.password() == null ? "" : form.password()));
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (AccountInputException e) {
            // shown on the page it returns to; nothing was changed
            redirect.addFlashAttribute("refusedField", e.field());
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/accounts";
    }
}
