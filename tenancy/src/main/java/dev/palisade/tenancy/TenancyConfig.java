package dev.palisade.tenancy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tenancy settings ({@code palisade.tenancy.*}). */
@ConfigMapping(prefix = "palisade.tenancy")
public interface TenancyConfig {

    /** The cache of API key checks. */
    AuthCache authCache();

    /** How checked API keys are cached on each replica. */
    interface AuthCache {

        /**
         * How long a checked key is trusted without asking the database again. Revocations and suspensions reach
         * every replica at once by notification; this bounds how long a lost notification could go unnoticed.
         */
        @WithDefault("30s")
        Duration ttl();

        /** Most keys cached per replica; {@code 0} turns the cache off. */
        @WithDefault("10000")
        int maxEntries();
    }
}
