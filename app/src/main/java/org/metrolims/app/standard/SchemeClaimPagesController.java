package org.metrolims.app.standard;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.traceability.scheme.SchemeClaims;
import org.metrolims.calibration.traceability.scheme.SchemeClaims.ClaimRequest;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme-claim forms of a standard's page ({@code /registry/standards/{id}}, which shows the claim, the verdict
 * and the history): change the claimed level, or withdraw the claim, each with a reason. Refusals come back to the
 * page as field errors; another organization's standard is 404.
 */
@Controller
class SchemeClaimPagesController {

    private final SchemeClaims claims;

    SchemeClaimPagesController(SchemeClaims claims) {
        this.claims = claims;
    }

    /** The claim form: the scheme, the level claimed in it and the reason (codes, checked by the claims). */
    record ClaimForm(String scheme, String level, String reason) {
    }

    /** The withdrawal form: the reason. */
    record WithdrawalForm(String reason) {
    }

    /** One refused field, as the page lists it. */
    record FieldError(String field, String message) {
    }

    @PostMapping("/registry/standards/{id}/scheme-claim")
    String claim(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute ClaimForm form, RedirectAttributes redirect) {
        return step(redirect, id, () -> claims.claim(id, new ClaimRequest(form.scheme(), form.level(),
                form.reason()), RegistryUsers.of(user)));
    }

    @PostMapping("/registry/standards/{id}/scheme-claim/withdrawal")
    String withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute WithdrawalForm form, RedirectAttributes redirect) {
        return step(redirect, id, () -> claims.withdraw(id, form.reason(), RegistryUsers.of(user)));
    }

    private static String step(RedirectAttributes redirect, long id, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("claimChanged", true);
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("claimErrors", List.of(new FieldError(e.field(), e.getMessage())));
        } catch (Conflict e) {
            redirect.addFlashAttribute("claimErrors", List.of(new FieldError("level", e.getMessage())));
        }
        return "redirect:/registry/standards/" + id + "#scheme-claim";
    }
}
