package org.metrolims.db.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.reference.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of organizations (institutes, accredited labs with their accreditation and scope, enterprises, the
 * authority) as stored. The administrators' rules for changing it are the administration's; an organization is
 * never deleted, only deactivated.
 */
@Service
public class Organizations {

    private final OrganizationRepository repository;

    Organizations(OrganizationRepository repository) {
        this.repository = repository;
    }

    /** Organizations in code order, optionally of one kind and/or inside one region's subtree. */
    @Transactional(readOnly = true)
    public Page<Organization> find(Optional<OrganizationKind> kind, Optional<RegionCode> within, PageRequest page) {
        return repository.find(kind, within, page);
    }

    /** Organizations whose code, names or accreditation number contain the text, of a kind when given. */
    @Transactional(readOnly = true)
    public List<OrganizationRow> search(String text, String kind, int limit) {
        return repository.search(text, kind, limit);
    }

    /**
     * One page of the register for the administrators' table: search, kind and order ({@code code}, {@code name} in
     * the language, {@code kind}, {@code region}), counted and paged in SQL.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationRow> page(String text, String kind, String sort, boolean chinese, boolean descending,
            PageRequest page) {
        return repository.page(text, kind, sort, chinese, descending, page);
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationRow> find(long id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Long> idOfCode(String code) {
        return repository.idOfCode(code);
    }

    @Transactional(readOnly = true)
    public Optional<Long> regionIdOfCode(String code) {
        return repository.regionIdOfCode(code);
    }

    @Transactional(readOnly = true)
    public boolean accreditationTakenByAnother(String number, long exceptId) {
        return repository.accreditationTakenByAnother(number, exceptId);
    }

    /** Discipline code → id, for every discipline. */
    @Transactional(readOnly = true)
    public Map<String, Long> disciplineIds() {
        return repository.disciplineIds();
    }

    @Transactional(readOnly = true)
    public List<DisciplineChoice> disciplines() {
        return repository.disciplines();
    }

    /** An organization's names in both languages, by code. */
    @Transactional(readOnly = true)
    public Optional<OrganizationNames> names(String code) {
        return repository.names(code);
    }

    /** The discipline codes an organization is accredited for, in the disciplines' order. */
    @Transactional(readOnly = true)
    public List<String> scopeOf(String organizationCode) {
        return repository.scopeOf(organizationCode);
    }

    /** Adds an organization with its scope (discipline ids); answers its id. */
    @Transactional
    public long add(String code, OrganizationDetails details, Collection<Long> scope) {
        long id = repository.insert(code, details);
        repository.replaceScope(id, scope);
        return id;
    }

    /** Changes an organization's details and scope (discipline ids). */
    @Transactional
    public void update(long id, OrganizationDetails details, Collection<Long> scope) {
        repository.update(id, details);
        repository.replaceScope(id, scope);
    }

    @Transactional
    public void setActive(long id, boolean active) {
        repository.setActive(id, active);
    }
}
