package dev.palisade.api.auth;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The admin API key ({@code PALISADE_ADMIN_KEY}). In production the service refuses to start without one of at least
 * {@value #MIN_LENGTH} characters; the migration Job ({@code QUARKUS_INIT_AND_EXIT=true}) serves nothing and needs none.
 */
@Singleton
public class AdminKey {

    static final int MIN_LENGTH = 24;

    private final Optional<String> key;
    private final boolean initAndExit;

    AdminKey(@ConfigProperty(name = "palisade.admin-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.init-and-exit", defaultValue = "false") boolean initAndExit) {
        this.key = key.map(String::trim).filter(k -> !k.isEmpty());
        this.initAndExit = initAndExit;
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
        return key.isPresent() && Secrets.equal(presented, key.get());
    }
}
