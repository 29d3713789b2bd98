package org.metrolims.app.instrument;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.standard.RegistryUsers;
import org.metrolims.calibration.instrument.InstrumentMatch;
import org.metrolims.calibration.instrument.InstrumentOverview;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The instrument page — identity, owner, location, status, interval and due date, the calibration history with the
 * trend of the error at each test point, certificates and recall messages — and the lookup that finds an instrument
 * by serial number, asset number or its page address as a label's QR code or a scanner gives it. Who may see an
 * instrument follows the registry (another organization's is "not found" to a lab); which calibrations,
 * certificates and messages follow those records' own rules.
 */
@Controller
class InstrumentPagesController {

    /** An instrument page's address in a scanned label (the QR code encodes the whole URL). */
    private static final Pattern PAGE_ADDRESS = Pattern.compile("^(?:https?://[^/\\s]+)?/instruments/(\\d{1,18})/?$");

    private final Instruments instruments;
    private final MessageSource messages;
    private final String publicBaseUrl;
    private final ZoneId zone;

    InstrumentPagesController(Instruments instruments, MessageSource messages,
            @Value("${lims.certificates.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${lims.province.zone:Asia/Shanghai}") ZoneId zone) {
        this.instruments = instruments;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.zone = zone;
    }

    @GetMapping("/instruments/{id}")
    String instrument(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Locale locale,
            Model model) {
        LocalDate today = LocalDate.now(zone);
        InstrumentOverview o;
        try {
            o = instruments.overview(id, RegistryUsers.of(user), seesAllRecords(user), today);
        } catch (RegistryNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
        }
        model.addAttribute("o", o);
        model.addAttribute("i", o.instrument());
        model.addAttribute("today", today);
        model.addAttribute("charts", ErrorTrendChart.of(o.history()));
        model.addAttribute("qr", InstrumentQrCode.of(publicBaseUrl + "/instruments/" + id));
        model.addAttribute("lbl", new InstrumentLabels(messages, locale));
        return "registry/instrument";
    }

    /**
     * Finds an instrument by serial or asset number, or by its page address: straight to it when exactly one
     * matches, else the list of matches.
     */
    @GetMapping("/instruments/lookup")
    String lookup(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) String q,
            Model model) {
        String text = q == null ? "" : q.strip();
        Optional<Long> address = pageAddress(text);
        if (address.isPresent()) {
            return "redirect:/instruments/" + address.get();
        }
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            return "registry/lookup";
        }
        InstrumentMatch match;
        try {
            match = instruments.lookup(text, RegistryUsers.of(user));
        } catch (RegistryInputException e) {
            model.addAttribute("tooLong", true);
            return "registry/lookup";
        }
        if (match.unique().isPresent()) {
            return "redirect:/instruments/" + match.unique().get().id();
        }
        model.addAttribute("match", match);
        model.addAttribute("limit", Instruments.LOOKUP_LIMIT);
        return "registry/lookup";
    }

    /** The instrument id of a scanned page address (any host: a label printed before a move still works). */
    static Optional<Long> pageAddress(String text) {
        String path = text;
        if (text.startsWith("http://") || text.startsWith("https://")) {
            try {
                URI uri = URI.create(text);
                path = (uri.getHost() == null ? "" : "http://" + uri.getHost()) + uri.getPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Matcher m = PAGE_ADDRESS.matcher(path);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Officers and administrators see every organization's calibrations, certificates and messages. */
    private static boolean seesAllRecords(MetroLimsUser user) {
        return user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN);
    }
}
