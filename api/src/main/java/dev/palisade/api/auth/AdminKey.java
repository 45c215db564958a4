package dev.palisade.api.auth;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.api.AdminKeyConfig;
import dev.palisade.api.HttpConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

import dev.palisade.tenancy.apikey.SecretDigest;

/**
 * The admin API key ({@code PALISADE_ADMIN_KEY}). In production the service refuses to start without one of at least
 * {@value #MIN_LENGTH} characters; the migration Job ({@code QUARKUS_INIT_AND_EXIT=true}) serves nothing and needs none.
 */
// Application-scoped, so that the filters holding it read the typed configuration at runtime, not at static init.
@ApplicationScoped
public class AdminKey {

    static final int MIN_LENGTH = 24;

    private final Optional<String> key;
    private final boolean initAndExit;

    AdminKey(AdminKeyConfig config, HttpConfig http) {
        this.key = config.value().map(String::trim).filter(k -> !k.isEmpty());
        this.initAndExit = http.migrationOnly();
    }

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || initAndExit) {
            return;
        }
        if (key.isEmpty() || key.get().length() < MIN_LENGTH) {
            throw new IllegalStateException("PALISADE_ADMIN_KEY must be set to a random secret of at least "
                    + MIN_LENGTH + " characters; the service does not start without it.");
        }
    }

    boolean matches(String presented) {
        return key.isPresent() && SecretDigest.equal(presented, key.get());
    }
}
