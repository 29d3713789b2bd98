package org.metrolims.app.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.instrument.InstrumentFilter;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardFilter;
import org.metrolims.db.PageRequest;
import org.metrolims.db.identity.Organizations;
import org.metrolims.db.reference.ReferenceData;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The options the pickers (static/js/picker.js) offer as a person types: up to {@value #LIMIT} instruments,
 * organizations, reference standards or regions whose name, code, serial or asset number contains the text, in the
 * page's language. They ride the page's session (not /api). Each list is scoped as the registry's reads are: a lab
 * sees only its own organization's instruments and standards and only its own organization, so another
 * organization's objects never appear; technicians, officers and administrators see every organization's, as
 * customers bring instruments from anywhere. Fewer than two characters find nothing (one matches half the province).
 */
@RestController
class PickerOptions {

    static final int LIMIT = 20;

    private final Instruments instruments;
    private final MeasurementStandards standards;
    private final Organizations organizations;
    private final ReferenceData reference;

    PickerOptions(Instruments instruments, MeasurementStandards standards, Organizations organizations,
            ReferenceData reference) {
        this.instruments = instruments;
        this.standards = standards;
        this.organizations = organizations;
        this.reference = reference;
    }

    /**
     * One option: the id a form posts, the code a plain form posts, what a person recognises it by, and a detail line
     * (an instrument's owner, whose id is {@code organizationId}, so that the customer follows the instrument).
     */
    record Option(long id, String code, String label, String detail, Long organizationId) {
    }

    @GetMapping("/options/instruments")
    List<Option> instruments(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "") String q) {
        String text = q.strip();
        if (text.length() < 2) {
            return List.of();
        }
        return instruments.search(new InstrumentFilter(null, null, null, null, null, text),
                new PageRequest(0, LIMIT), reader(user)).items().stream()
                .map(i -> new Option(i.id(), i.serialNo(), i.serialNo() + " · " + i.type() + " · " + i.manufacturer()
                        + " " + i.model() + (i.assetNo() == null ? "" : " · " + i.assetNo()), i.owner(),
                        i.ownerOrganizationId()))
                .toList();
    }

    @GetMapping("/options/standards")
    List<Option> standards(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "") String q) {
        String text = q.strip();
        if (text.length() < 2) {
            return List.of();
        }
        boolean zh = chinese();
        return standards.search(new StandardFilter(null, null, null, null, null, text, null),
                new PageRequest(0, LIMIT), reader(user)).items().stream()
                .map(s -> new Option(s.id(), s.code(), s.code() + " · " + (zh ? s.nameZh() : s.nameEn()), s.owner(),
                        s.ownerOrganizationId()))
                .toList();
    }

    @GetMapping("/options/organizations")
    List<Option> organizations(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "") String q) {
        String text = q.strip();
        if (text.length() < 2) {
            return List.of();
        }
        boolean zh = chinese();
        boolean readsAll = reader(user).readsAll();
        return organizations.search(text, "", LIMIT).stream()
                .filter(o -> readsAll || o.id() == user.organizationId())
                .map(o -> new Option(o.id(), o.code(), (zh ? o.nameZh() : o.nameEn()) + " · " + o.code(),
                        zh ? o.regionNameZh() : o.regionNameEn(), o.id()))
                .toList();
    }

    /** Regions are public reference data (GB/T 2260): every signed-in user may find them, by name or code. */
    @GetMapping("/options/regions")
    List<Option> regions(@RequestParam(defaultValue = "") String q) {
        String text = q.strip().toLowerCase(Locale.ROOT);
        if (text.length() < 2) {
            return List.of();
        }
        boolean zh = chinese();
        return reference.regions(Optional.empty(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
                .items().stream()
                .filter(r -> r.code().contains(text) || r.nameZh().contains(text)
                        || r.nameEn().toLowerCase(Locale.ROOT).contains(text))
                .limit(LIMIT)
                .map(r -> new Option(r.id(), r.code(), (zh ? r.nameZh() : r.nameEn()) + " · " + r.code(), null, null))
                .toList();
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static RegistryUser reader(MetroLimsUser user) {
        boolean admin = user.hasRole(Role.ADMIN);
        boolean technician = user.hasRole(Role.TECHNICIAN);
        boolean readsAll = admin || technician || user.hasRole(Role.OFFICER);
        return new RegistryUser(user.getUsername(), user.organizationId(), admin, technician, readsAll);
    }
}
