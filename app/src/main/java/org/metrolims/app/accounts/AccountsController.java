package org.metrolims.app.accounts;

import java.util.Set;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.web.TableQuery;
import org.metrolims.db.identity.AccountQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages for user accounts (ADMIN; the role rule is in SecurityConfiguration). */
@Controller
class AccountsController {

    private final AccountAdministration administration;

    AccountsController(AccountAdministration administration) {
        this.administration = administration;
    }

    /** The sort keys of the accounts table (the first is the default). */
    static final java.util.List<String> SORTS = java.util.List.of("username", "name", "organization");

    @GetMapping("/accounts")
    String list(jakarta.servlet.http.HttpServletRequest request, Model model) {
        TableQuery table = TableQuery.of(request, SORTS, false, "role", "status");
        String role = java.util.Arrays.stream(Role.values()).map(Enum::name)
                .filter(r -> r.equals(table.filter("role"))).findFirst().orElse(null); // unknown: any
        Boolean enabled = "enabled".equals(table.filter("status")) ? Boolean.TRUE
                : "disabled".equals(table.filter("status")) ? Boolean.FALSE : null;
        AccountQuery.Sort sort = switch (table.sort()) {
            case "name" -> AccountQuery.Sort.NAME;
            case "organization" -> AccountQuery.Sort.ORGANIZATION;
            default -> AccountQuery.Sort.USERNAME;
        };
        model.addAttribute("table", table);
        model.addAttribute("accounts", administration.page(
                new AccountQuery(table.text(), role, enabled, sort, table.descending()), table.pageRequest()));
        model.addAttribute("roles", Role.values());
        return "accounts/list";
    }

    @PostMapping("/accounts")
    String create(@AuthenticationPrincipal MetroLimsUser admin, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String organizationCode,
            @RequestParam(required = false) Set<String> roles, @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        return act(redirect, () -> administration.create(admin, username, displayName, organizationCode, roles,
                password));
    }

    @PostMapping("/accounts/{id}/roles")
    String roles(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @RequestParam(required = false) Set<String> roles, RedirectAttributes redirect) {
        return act(redirect, () -> administration.setRoles(admin, id, roles));
    }

    @PostMapping("/accounts/{id}/enabled")
    String enabled(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        return act(redirect, () -> administration.setEnabled(admin, id, enabled));
    }

    @PostMapping("/accounts/{id}/password")
    String password(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        return act(redirect, () -> administration.resetPassword(admin, id, password));
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
