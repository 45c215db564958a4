package dev.palisade.tenancy.query;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How list queries (workspaces, configs, tenants, the event feed) are bounded. */
@ConfigMapping(prefix = "palisade.query")
public interface QueryConfig {

    /** The longest one query's statements may run before PostgreSQL cancels them (answered 503). */
    @WithDefault("5s")
    Duration statementTimeout();

    /** How many events one page of a filtered feed examines at most; {@code next} moves past them (gap-free). */
    @WithDefault("10000")
    int feedWindow();
}
