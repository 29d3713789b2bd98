package org.metrolims.app.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.identity.DisciplineChoice;
import org.metrolims.db.identity.OrganizationDetails;
import org.metrolims.db.identity.OrganizationRow;
import org.metrolims.db.identity.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators keep the register of organizations: institutes, accredited labs (with their CNAS accreditation
 * number, its validity and the disciplines of their scope, which PT enrolment checks), enterprises and the authority.
 * Certificates print an organization's names, address and accreditation number, so every change is audited before
 * and after; an organization is never deleted (calibrations, certificates and accounts name it), only deactivated.
 */
@Service
class OrganizationAdministration {

    static final String ENTITY = "organization";
    static final List<String> KINDS = List.of("AUTHORITY", "INSTITUTE", "ACCREDITED_LAB", "ENTERPRISE");
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 300;

    private final Organizations organizations;
    private final AuditTrail audit;

    OrganizationAdministration(Organizations organizations, AuditTrail audit) {
        this.organizations = organizations;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<OrganizationRow> search(String text, String kind) {
        return organizations.search(text == null ? "" : text.strip(), KINDS.contains(kind) ? kind : "", 500);
    }

    @Transactional(readOnly = true)
    Optional<OrganizationRow> find(long id) {
        return organizations.find(id);
    }

    @Transactional(readOnly = true)
    List<DisciplineChoice> disciplines() {
        return organizations.disciplines();
    }

    @Transactional
    OrganizationRow create(MetroLimsUser admin, String code, Form form) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw new OrganizationInputException("code", "2 to 32 capital letters, digits or dashes");
        }
        if (organizations.idOfCode(c).isPresent()) {
            throw new OrganizationInputException("code", "is taken");
        }
        OrganizationDetails details = checked(form, -1);
        long id = organizations.add(c, details, scope(form.scope()));
        OrganizationRow after = organizations.find(id).orElseThrow();
        audit.record(entry(admin, "CREATE", id, null, after, null));
        return after;
    }

    @Transactional
    OrganizationRow update(MetroLimsUser admin, long id, Form form, String reason) {
        OrganizationRow before = existing(id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            // certificates already issued printed the old details; the trail must say why they changed
            throw new OrganizationInputException("reason", "say why the details change");
        }
        OrganizationDetails details = checked(form, id);
        if (details.parentId().isPresent() && details.parentId().get() == id) {
            throw new OrganizationInputException("parentCode", "an organization cannot be its own parent");
        }
        organizations.update(id, details, scope(form.scope()));
        OrganizationRow after = organizations.find(id).orElseThrow();
        audit.record(entry(admin, "UPDATE", id, before, after, why));
        return after;
    }

    @Transactional
    OrganizationRow setActive(MetroLimsUser admin, long id, boolean active) {
        OrganizationRow before = existing(id);
        if (!active && admin.organizationId() == id) {
            throw new OrganizationInputException("active", "you cannot deactivate your own organization");
        }
        organizations.setActive(id, active);
        OrganizationRow after = organizations.find(id).orElseThrow();
        audit.record(entry(admin, active ? "REACTIVATE" : "DEACTIVATE", id, before, after, null));
        return after;
    }

    private OrganizationRow existing(long id) {
        return organizations.find(id).orElseThrow(() -> new OrganizationInputException("id", "no such organization"));
    }

    private OrganizationDetails checked(Form f, long self) {
        String nameZh = required("nameZh", f.nameZh(), MAX_NAME);
        String nameEn = required("nameEn", f.nameEn(), MAX_NAME);
        String kind = f.kind() == null ? "" : f.kind().strip();
        if (!KINDS.contains(kind)) {
            throw new OrganizationInputException("kind", "one of " + KINDS);
        }
        long region = organizations.regionIdOfCode(blankToEmpty(f.regionCode()))
                .orElseThrow(() -> new OrganizationInputException("regionCode", "no such GB/T 2260 region code"));
        Optional<Long> parent = Optional.empty();
        if (!blankToEmpty(f.parentCode()).isEmpty()) {
            parent = Optional.of(organizations.idOfCode(f.parentCode().strip())
                    .orElseThrow(() -> new OrganizationInputException("parentCode", "no such organization")));
        }
        Optional<String> accreditation = optional("accreditationNumber", f.accreditationNumber(), 32);
        if (kind.equals("ACCREDITED_LAB") && accreditation.isEmpty()) {
            throw new OrganizationInputException("accreditationNumber", "an accredited lab needs its number");
        }
        if (accreditation.isPresent() && organizations.accreditationTakenByAnother(accreditation.get(), self)) {
            throw new OrganizationInputException("accreditationNumber", "belongs to another organization");
        }
        Optional<LocalDate> validUntil = Optional.ofNullable(f.accreditationValidUntil());
        return new OrganizationDetails(nameZh, nameEn, kind, region, parent,
                optional("addressZh", f.addressZh(), MAX_ADDRESS), optional("addressEn", f.addressEn(), MAX_ADDRESS),
                accreditation, validUntil, email(f.contactEmail()));
    }

    /** An e-mail address as a mail server takes it: one address, local part @ domain, no spaces. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[^@\\s,;<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

    private static Optional<String> email(String value) {
        Optional<String> v = optional("contactEmail", value, 200);
        if (v.isPresent() && !EMAIL.matcher(v.get()).matches()) {
            throw new OrganizationInputException("contactEmail", "one e-mail address, such as lab@example.org");
        }
        return v;
    }

    private List<Long> scope(Set<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = organizations.disciplineIds();
        List<Long> result = new ArrayList<>();
        for (String code : new TreeSet<>(codes)) {
            Long id = ids.get(code);
            if (id == null) {
                throw new OrganizationInputException("scope", "unknown discipline " + code);
            }
            result.add(id);
        }
        return result;
    }

    private static String required(String field, String value, int max) {
        String v = blankToEmpty(value);
        if (v.isEmpty()) {
            throw new OrganizationInputException(field, "is required");
        }
        if (v.length() > max) {
            throw new OrganizationInputException(field, "at most " + max + " characters");
        }
        requireNoControlCharacters(field, v);
        return v;
    }

    /** No NUL or other control character; a code none at all, other text only line breaks and tabs. */
    private static void requireNoControlCharacters(String field, String v) {
        boolean identifier = field.equals("code") || field.equals("accreditationNumber");
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && (identifier || c != '\n' && c != '\r' && c != '\t'))) {
            throw new OrganizationInputException(field, "must not contain control characters");
        }
    }

    private static Optional<String> optional(String field, String value, int max) {
        String v = blankToEmpty(value);
        if (v.length() > max) {
            throw new OrganizationInputException(field, "at most " + max + " characters");
        }
        requireNoControlCharacters(field, v);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static AuditEntry entry(MetroLimsUser admin, String action, long id, OrganizationRow before,
            OrganizationRow after, String reason) {
        return new AuditEntry(admin.getUsername(), action, ENTITY, Long.toString(id), json(before), json(after),
                reason, null);
    }

    private static String json(OrganizationRow o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("code", o.code());
        m.put("nameZh", o.nameZh());
        m.put("nameEn", o.nameEn());
        m.put("kind", o.kind());
        m.put("regionCode", o.regionCode());
        m.put("parentCode", o.parentCode().orElse(null));
        m.put("addressZh", o.addressZh().orElse(null));
        m.put("addressEn", o.addressEn().orElse(null));
        m.put("accreditationNumber", o.accreditationNumber().orElse(null));
        m.put("accreditationValidUntil", o.accreditationValidUntil().map(LocalDate::toString).orElse(null));
        m.put("active", o.active());
        m.put("scope", o.scope());
        m.put("contactEmail", o.contactEmail().orElse(null));
        return AuditJson.object(m);
    }

    /** The page's form, as typed. */
    record Form(String nameZh, String nameEn, String kind, String regionCode, String parentCode, String addressZh,
            String addressEn, String accreditationNumber, LocalDate accreditationValidUntil, Set<String> scope,
            String contactEmail) {
    }
}
