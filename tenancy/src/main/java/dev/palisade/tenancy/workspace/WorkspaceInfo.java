package dev.palisade.tenancy.workspace;

import java.time.Instant;
import java.util.UUID;

/** A workspace as clients see it; {@code version} is what {@code If-Match} must name to change it. */
public record WorkspaceInfo(UUID id, String name, String slug, Instant createdAt, Instant updatedAt, long version) {
}
