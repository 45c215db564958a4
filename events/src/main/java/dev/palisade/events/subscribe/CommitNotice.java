package dev.palisade.events.subscribe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.palisade.postgres.NotifyChannel;
import dev.palisade.postgres.PgNotifications;
import dev.palisade.tenancy.TenantId;

/**
 * What one notification on {@value #CHANNEL_NAME} says: these tenants' feeds have new committed events. The payload
 * is {@code <sender>:<tenant>,<tenant>...}, where the sender identifies the replica that sent it (it has woken its
 * own subscribers already and skips its own notices). A bare tenant id, without sender, is what the append function
 * of release 1.1.0 ({@code palisade_append_events}) sends inside every append's transaction; it is still understood,
 * so replicas of either release wake each other during a rolling upgrade.
 */
record CommitNotice(String sender, Set<TenantId> tenants) {

    static final String CHANNEL_NAME = "palisade_events";

    /** The one definition of the channel in Java; release 1.1.0's append function names it too. */
    static final NotifyChannel CHANNEL = NotifyChannel.named(CHANNEL_NAME);

    private static final int TENANT_ID_MAX = 63;

    CommitNotice {
        Objects.requireNonNull(sender, "sender");
        tenants = Set.copyOf(tenants);
    }

    /**
     * The payloads that carry {@code tenants} from {@code sender}: as few as PostgreSQL's payload limit allows
     * (about a hundred tenants each).
     */
    static List<String> payloads(String sender, Collection<TenantId> tenants) {
        if (!sender.matches("[0-9a-z]{1,32}")) {
            throw new IllegalArgumentException("a sender is 1 to 32 lower-case letters or digits; found " + sender);
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (TenantId tenant : tenants) {
            if (payload.length() + 1 + TENANT_ID_MAX > PgNotifications.MAX_PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.length() == 0 ? sender + ":" : ",").append(tenant.value());
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The notice a payload carries; tenant ids that are not valid are skipped (a notice is only a hint). */
    static CommitNotice parse(String payload) {
        int colon = payload.indexOf(':');
        String sender = colon < 0 ? "" : payload.substring(0, colon);
        Set<TenantId> tenants = new LinkedHashSet<>();
        for (String id : payload.substring(colon + 1).split(",")) {
            if (TenantId.isValid(id)) {
                tenants.add(TenantId.of(id));
            }
        }
        return new CommitNotice(sender, tenants);
    }
}
