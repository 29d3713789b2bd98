package org.metrolims.app.organizations;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.FormErrors;
import org.metrolims.app.web.TableQuery;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.identity.OrganizationRow;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages for the register of organizations (ADMIN; the role rule is in SecurityConfiguration). */
@Controller
class OrganizationsController {

    private final OrganizationAdministration administration;
    private final AuditTrail audit;
    private final FormErrors formErrors;

    OrganizationsController(OrganizationAdministration administration, AuditTrail audit, FormErrors formErrors) {
        this.administration = administration;
        this.audit = audit;
        this.formErrors = formErrors;
    }

    /** The sort keys of the register's table (the first is the default). */
    static final java.util.List<String> SORTS = java.util.List.of("code", "name", "kind", "region");

    @GetMapping("/organizations")
    String list(jakarta.servlet.http.HttpServletRequest request, Model model) {
        TableQuery table = TableQuery.of(request, SORTS, false, "kind");
        String kind = table.filter("kind") == null ? "" : table.filter("kind");
        boolean chinese = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage().equals("zh");
        model.addAttribute("table", table);
        model.addAttribute("organizations", administration.page(table.q(), kind, table.sort(), chinese,
                table.descending(), table.pageRequest()));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", OrganizationAdministration.KINDS);
        model.addAttribute("disciplines", administration.disciplines());
        return "organizations/list";
    }

    @GetMapping("/organizations/{id}")
    String show(@PathVariable long id, Model model) {
        OrganizationRow o = administration.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("o", o);
        model.addAttribute("kinds", OrganizationAdministration.KINDS);
        model.addAttribute("disciplines", administration.disciplines());
        model.addAttribute("history", audit.latestFor(OrganizationAdministration.ENTITY, Long.toString(id), 50));
        return "organizations/show";
    }

    @PostMapping("/organizations")
    String create(@AuthenticationPrincipal MetroLimsUser admin, @ModelAttribute FormFields f, BindingResult bound,
            RedirectAttributes redirect) {
        if (refused(redirect, bound)) {
            return "redirect:/organizations";
        }
        String code = f.code() == null ? "" : f.code();
        try {
            OrganizationRow created = administration.create(admin, code, f.form());
            redirect.addFlashAttribute("done", true);
            return "redirect:/organizations/" + created.id();
        } catch (OrganizationInputException e) {
            refused(redirect, e);
            return "redirect:/organizations";
        }
    }

    @PostMapping("/organizations/{id}")
    String update(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id, @ModelAttribute FormFields f,
            BindingResult bound, RedirectAttributes redirect) {
        if (refused(redirect, bound)) {
            return "redirect:/organizations/" + id;
        }
        return act(redirect, id, () -> administration.update(admin, id, f.form(),
                f.reason() == null ? "" : f.reason()));
    }

    @PostMapping("/organizations/{id}/active")
    String active(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id,
            @ModelAttribute ActiveForm form, BindingResult bound, RedirectAttributes redirect) {
        if (refused(redirect, bound)) {
            return "redirect:/organizations/" + id;
        }
        return act(redirect, id, () -> administration.setActive(admin, id, Boolean.TRUE.equals(form.active())));
    }

    /** The activate / deactivate form (an absent value deactivates, as an unticked box sends nothing). */
    record ActiveForm(Boolean active) {
    }

    /** A form whose values could not be bound (a date that is not one) names the field, in the admin's language. */
    private boolean refused(RedirectAttributes redirect, BindingResult bound) {
        if (!bound.hasErrors()) {
            return false;
        }
        var first = formErrors.of(bound).getFirst();
        redirect.addFlashAttribute("refusedField", first.field());
        redirect.addFlashAttribute("refused", first.message());
        return true;
    }

    private static String act(RedirectAttributes redirect, long id, Supplier<OrganizationRow> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", true);
        } catch (OrganizationInputException e) {
            refused(redirect, e);
            if (e.field().equals("id")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        return "redirect:/organizations/" + id;
    }

    private static void refused(RedirectAttributes redirect, OrganizationInputException e) {
        // shown on the page it returns to; nothing was changed
        redirect.addFlashAttribute("refusedField", e.field());
        redirect.addFlashAttribute("refused", e.getMessage());
    }

    /**
     * The organization form's fields, bound by name (the code only when creating, the reason only when changing); the
     * accreditation's end is bound as a date.
     */
    record FormFields(String code, String nameZh, String nameEn, String kind, String regionCode, String parentCode,
            String addressZh, String addressEn, String accreditationNumber,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate accreditationValidUntil, Set<String> scope,
            String reason, String contactEmail) {

        OrganizationAdministration.Form form() {
            return new OrganizationAdministration.Form(nameZh, nameEn, kind, regionCode, parentCode, addressZh,
                    addressEn, accreditationNumber, accreditationValidUntil, scope, contactEmail);
        }
    }
}
