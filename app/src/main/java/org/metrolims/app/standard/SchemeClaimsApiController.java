package org.metrolims.app.standard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.traceability.scheme.SchemeClaims;
import org.metrolims.calibration.traceability.scheme.SchemeClaims.ClaimRequest;
import org.metrolims.calibration.traceability.scheme.SchemeClaims.ClaimView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A standard's claimed level in its verification scheme: read it with the check's verdict and the claim history,
 * record or change it, withdraw it. Technicians of the owning organization and administrators change claims (the
 * role rule of {@code PUT}/{@code POST /api/standards/**}); another organization's standard is 404.
 */
@RestController
@RequestMapping("/api/standards/{id}/scheme-claim")
@Tag(name = "Verification schemes", description = "Verification schemes (检定系统表) and standards' claimed levels")
class SchemeClaimsApiController {

    private final SchemeClaims claims;

    SchemeClaimsApiController(SchemeClaims claims) {
        this.claims = claims;
    }

    /** A withdrawal's body. */
    record WithdrawalRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "The standard's claimed level, the scheme check's verdict and the claim history")
    ClaimView get(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return claims.view(id, RegistryUsers.of(user));
    }

    @PutMapping
    @Operation(summary = "Record or change the claimed level: {scheme, level, reason}; the claim in force is "
            + "superseded, never deleted")
    ClaimView claim(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody ClaimRequest body) {
        return claims.claim(id, body, RegistryUsers.of(user));
    }

    @PostMapping("/withdrawal")
    @Operation(summary = "Withdraw the claim in force: {reason}; it stays in the history as withdrawn")
    ClaimView withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody WithdrawalRequest body) {
        return claims.withdraw(id, body == null ? null : body.reason(), RegistryUsers.of(user));
    }
}
