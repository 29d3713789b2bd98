package org.metrolims.app.accounts;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.security.SessionStamps;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.identity.AccountRow;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.Organizations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage accounts: create one (in an organization, with roles and a password that meets
 * {@link PasswordPolicy}), change its roles, disable or re-enable it (accounts are never deleted: the audit trail
 * and signatures name them), and reset its password. Every change is in the audit trail, before and after (never
 * the password or its hash). Disabling, changing roles and resetting the password end the account's open sessions.
 */
@Service
class AccountAdministration {

    static final String ENTITY = "app_user";
    private static final int MAX_USERNAME = 64;
    private static final int MAX_DISPLAY_NAME = 100;

    private final Accounts accounts;
    private final Organizations organizations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SessionStamps sessions;

    AccountAdministration(Accounts accounts, Organizations organizations, PasswordEncoder passwords,
            AuditTrail audit, SessionStamps sessions) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** One page of the accounts for the administrators' table, counted and paged in SQL. */
    @Transactional(readOnly = true)
    org.metrolims.db.Page<AccountRow> page(org.metrolims.db.identity.AccountQuery query,
            org.metrolims.db.PageRequest page) {
        return accounts.page(query, page);
    }

    @Transactional
    AccountRow create(MetroLimsUser admin, String username, String displayName, String organizationCode,
            Set<String> roles, String password) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._-]{3," + MAX_USERNAME + "}")) {
            throw new AccountInputException("username", "3 to " + MAX_USERNAME
                    + " letters, digits, dots, dashes or underscores");
        }
        if (accounts.usernameTaken(name)) {
            throw new AccountInputException("username", "is taken");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (display.length() > MAX_DISPLAY_NAME) {
            throw new AccountInputException("displayName", "at most " + MAX_DISPLAY_NAME + " characters");
        }
        long organization = organizations.idOfCode(organizationCode == null ? "" : organizationCode.strip())
                .orElseThrow(() -> new AccountInputException("organizationCode", "no such organization"));
        Set<String> checkedRoles = roles(roles);
        checkPassword(name, password);
        long id = accounts.create(name, display, organization, passwords.encode(password), checkedRoles);
        AccountRow after = accounts.find(id).orElseThrow();
        audit.record(entry(admin, "CREATE", id, null, after, null));
        return after;
    }

    @Transactional
    AccountRow setRoles(MetroLimsUser admin, long id, Set<String> roles) {
        AccountRow before = existing(id);
        Set<String> checked = roles(roles);
        if (id == admin.userId() && !checked.contains(Role.ADMIN.name())) {
            throw new AccountInputException("roles", "you cannot take the ADMIN role from yourself");
        }
        accounts.replaceRoles(id, checked);
        endSessions(id);
        AccountRow after = accounts.find(id).orElseThrow();
        audit.record(entry(admin, "ROLES", id, before, after, null));
        return after;
    }

    @Transactional
    AccountRow setEnabled(MetroLimsUser admin, long id, boolean enabled) {
        AccountRow before = existing(id);
        if (id == admin.userId() && !enabled) {
            throw new AccountInputException("enabled", "you cannot disable your own account");
        }
        accounts.setEnabled(id, enabled);
        if (!enabled) {
            endSessions(id);
        }
        AccountRow after = accounts.find(id).orElseThrow();
        audit.record(entry(admin, enabled ? "ENABLE" : "DISABLE", id, before, after, null));
        return after;
    }

    @Transactional
    void resetPassword(MetroLimsUser admin, long id, String password) {
        AccountRow account = existing(id);
        checkPassword(account.username(), password);
        accounts.setPasswordHash(id, passwords.encode(password));
        endSessions(id);
        audit.record(entry(admin, "PASSWORD_RESET", id, null, null, "password set by an administrator"));
    }

    /** Ends every session of the account, on every app instance (its next request is refused). */
    private void endSessions(long id) {
        accounts.changeSecurityStamp(id);
        sessions.changed(id);
    }

    private AccountRow existing(long id) {
        return accounts.find(id).orElseThrow(() -> new AccountInputException("id", "no such account"));
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(p -> {
            throw new AccountInputException("password", p);
        });
    }

    private static Set<String> roles(Set<String> names) {
        if (names == null || names.isEmpty()) {
            throw new AccountInputException("roles", "at least one role");
        }
        Set<String> valid = new TreeSet<>();
        for (String n : names) {
            try {
                valid.add(Role.valueOf(n).name());
            } catch (IllegalArgumentException e) {
                throw new AccountInputException("roles", "unknown role; one of " + EnumSet.allOf(Role.class));
            }
        }
        return valid;
    }

    private static AuditEntry entry(MetroLimsUser admin, String action, long id, AccountRow before, AccountRow after,
            String reason) {
        return new AuditEntry(admin.getUsername(), action, ENTITY, Long.toString(id), json(before), json(after),
                reason, null);
    }

    private static String json(AccountRow a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("organizationCode", a.organizationCode());
        m.put("enabled", a.enabled());
        m.put("roles", a.roles());
        return AuditJson.object(m);
    }
}
