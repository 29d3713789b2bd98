package org.metrolims.db.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user accounts: who may sign in, in which organization, with which roles, and the stamp that ends their
 * sessions. Passwords arrive here hashed; hashing, the password policy and the session glue are the web layer's.
 * Accounts are never deleted (the audit trail and signatures name them), only disabled.
 */
@Service
public class Accounts {

    private final UserRepository users;

    Accounts(UserRepository users) {
        this.users = users;
    }

    /*
     * The three reads below run on every authenticated request (session stamp, token, HTTP Basic): one statement
     * each, in the caller's transaction when it has one and without opening their own otherwise.
     */

    public Optional<UserLogin> login(long id) {
        return users.findById(id);
    }

    public Optional<UserLogin> login(String username) {
        return users.findByUsername(username);
    }

    /** The account's security stamp, if it exists and is enabled. */
    public Optional<Long> stampIfEnabled(long id) {
        return users.stampIfEnabled(id);
    }

    /** One page of the accounts the administrators' table lists (search, role, status, order). */
    @Transactional(readOnly = true)
    public org.metrolims.db.Page<AccountRow> page(AccountQuery query, org.metrolims.db.PageRequest page) {
        return users.page(query, page);
    }

    @Transactional(readOnly = true)
    public List<AccountRow> list(int limit) {
        return users.all(limit);
    }

    @Transactional(readOnly = true)
    public Optional<AccountRow> find(long id) {
        return users.row(id);
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return users.usernameTaken(username);
    }

    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        return users.idOf(username);
    }

    /** The code of the organization a user belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> organizationCodeOf(String username) {
        return users.organizationCodeOf(username);
    }

    /** The signer's account read fresh (its stored hash and roles), for checking a re-entered password. */
    @Transactional(readOnly = true)
    public Optional<StoredSigner> signer(long userId) {
        return users.signer(userId);
    }

    /** Creates an account with the roles; answers its id. */
    @Transactional
    public long create(String username, String displayName, long organizationId, String passwordHash,
            Collection<String> roles) {
        long id = users.insert(username, displayName, organizationId, passwordHash);
        users.replaceRoles(id, roles);
        return id;
    }

    @Transactional
    public void replaceRoles(long userId, Collection<String> roles) {
        users.replaceRoles(userId, roles);
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        users.setEnabled(userId, enabled);
    }

    /** A new security stamp: every session of the account ends. */
    @Transactional
    public void changeSecurityStamp(long userId) {
        users.changeSecurityStamp(userId);
    }

    @Transactional
    public void setPasswordHash(long userId, String hash) {
        users.setPasswordHash(userId, hash);
    }

    /** The account's failed logins before {@code at} no longer count towards its lock (it signed in). */
    @Transactional
    public void resetFailures(String username, Instant at) {
        users.resetFailures(username, at);
    }
}
