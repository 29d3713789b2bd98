package org.metrolims.app.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.metrolims.db.identity.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a signed-in session is still good: its account exists, is enabled, and has the security stamp it had at
 * login. Disabling an account, changing its roles and resetting its password change the stamp in the database
 * ({@code app_user.security_stamp}), so every app instance on the database ends that account's sessions: this one at
 * once (the administrator's change forgets the cached value when it commits), the others within {@link #TTL}, for
 * which a stamp read once is reused.
 */
@Component
public class SessionStamps {

    /** How long a stamp read from the database is trusted: the longest another instance lets an ended session run. */
    static final Duration TTL = Duration.ofSeconds(5);

    private final Accounts accounts;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    SessionStamps(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the user's session may go on: the account is enabled and its stamp is the one the user signed in with. */
    boolean current(MetroLimsUser user) {
        long now = System.nanoTime();
        Cached cached = cache.get(user.userId());
        if (cached == null || now - cached.readAt() > TTL.toNanos()) {
            cached = new Cached(accounts.stampIfEnabled(user.userId()), now);
            cache.put(user.userId(), cached);
        }
        return cached.stamp().isPresent() && cached.stamp().get() == user.securityStamp();
    }

    /**
     * Says that the account's stamp changed: the cached value is forgotten when the surrounding transaction commits
     * (at once when there is none), so that the next request of any of its sessions here reads the new one.
     */
    public void changed(long userId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(userId);
                }
            });
        } else {
            cache.remove(userId);
        }
    }

    private record Cached(Optional<Long> stamp, long readAt) {
    }
}
