package org.metrolims.proficiency.scheme;

import java.util.List;
import java.util.Optional;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.internal.PtAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets up PT schemes (officers) and lists them. */
@Service
public class ProficiencySchemes {

    private final SchemeRepository schemes;
    private final PtAudit audit;

    public ProficiencySchemes(SchemeRepository schemes, PtAudit audit) {
        this.schemes = schemes;
        this.audit = audit;
    }

    @Transactional
    public Scheme create(NewScheme scheme, String actor) {
        if (schemes.findByCode(scheme.code()).isPresent()) {
            throw new PtRuleException("DUPLICATE_SCHEME_CODE", "code", "a scheme with code " + scheme.code()
                    + " exists already");
        }
        long discipline = schemes.disciplineId(scheme.disciplineCode())
                .orElseThrow(() -> new PtInputException("disciplineCode", "no discipline " + scheme.disciplineCode()));
        long provider = schemes.organizationId(scheme.providerCode())
                .orElseThrow(() -> new PtInputException("providerCode", "no organization " + scheme.providerCode()));
        long id = schemes.insert(scheme, discipline, provider);
        Scheme created = get(id);
        audit.record(actor, "CREATE", "pt_scheme", id, null, PtAudit.fields("code", created.code(),
                "discipline", created.disciplineCode(), "unit", created.unit(),
                "assignedValueMethod", created.assignedValueMethod(), "sigmaPtMethod", created.sigmaPtMethod(),
                "sigmaPt", created.sigmaPt(), "scoreType", created.scoreType()), null);
        return created;
    }

    /** The scheme, if there is one with this id (other features' checks, which name their own failure). */
    @Transactional(readOnly = true)
    public Optional<Scheme> find(long id) {
        return schemes.find(id);
    }

    @Transactional(readOnly = true)
    public Scheme get(long id) {
        return schemes.find(id).orElseThrow(() -> new PtNotFoundException("PT scheme", id));
    }

    /** The discipline codes a scheme may name, in display order. */
    @Transactional(readOnly = true)
    public List<String> disciplines() {
        return schemes.disciplineCodes();
    }

    @Transactional(readOnly = true)
    public List<Scheme> all() {
        return schemes.findAll();
    }
}
