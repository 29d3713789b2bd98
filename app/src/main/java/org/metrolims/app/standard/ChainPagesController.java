package org.metrolims.app.standard;

import org.metrolims.app.web.ProvinceToday;
import java.time.LocalDate;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes;
import org.metrolims.db.failure.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The chain viewer of one standard: its traceability chain(s) up to the roots as of a date, drawn as a diagram. */
@Controller
class ChainPagesController {

    private final TraceabilityAnalysis traceability;
    private final VerificationSchemes schemes;

    private final ProvinceToday today;

    ChainPagesController(TraceabilityAnalysis traceability, VerificationSchemes schemes, ProvinceToday today) {
        this.today = today;
        this.traceability = traceability;
        this.schemes = schemes;
    }

    @GetMapping("/standards/{id}/chain")
    String chain(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = today.orToday(asOf);
        Chain chain;
        try {
            chain = schemes.withStandings(traceability.chain(id, date, RegistryUsers.of(user)));
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("asOf", date);
        model.addAttribute("chain", chain);
        model.addAttribute("diagram", ChainDiagram.of(chain));
        return "coverage/chain";
    }
}
