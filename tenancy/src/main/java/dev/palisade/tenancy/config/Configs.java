package dev.palisade.tenancy.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.PreconditionFailedException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.Rows;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.tenancy.workspace.Workspaces;

/**
 * JSON configuration values of the current tenant, at tenant level or per workspace. Values arrive as JSON text that
 * the caller has parsed and validated.
 */
@ApplicationScoped
public class Configs {

    /** The result of a put: the entry, and whether it was created rather than replaced. */
    public record Put(ConfigEntry entry, boolean created) {
    }

    private final TenantSession session;
    private final Workspaces workspaces;

    Configs(TenantSession session, Workspaces workspaces) {
        this.session = session;
        this.workspaces = workspaces;
    }

    @Transactional
    public Put put(ConfigScope scope, String key, String json, OptionalLong ifMatch) {
        ConfigKeys.require(key);
        ConfigValue existing = load(scope, key);
        if (existing == null) {
            if (ifMatch.isPresent()) {
                throw new NotFoundException("config", key);
            }
            TenantId tenant = session.bind();
            ConfigValue created = scope.workspace()
                    .<ConfigValue>map(ws -> new WorkspaceConfig(tenant, ws, key, json, Rows.now()))
                    .orElseGet(() -> new TenantConfig(tenant, key, json, Rows.now()));
            EntityManager em = session.entityManager();
            em.persist(created);
            em.flush();
            // Read back what jsonb stored, so that a put echoes the value exactly as every later get returns it.
            em.refresh(created);
            return new Put(created.entry(), true);
        }
        checkVersion(key, existing, ifMatch);
        existing.replace(json, Rows.now());
        session.entityManager().flush();
        session.entityManager().refresh(existing);
        return new Put(existing.entry(), false);
    }

    @Transactional
    public Optional<ConfigEntry> get(ConfigScope scope, String key) {
        ConfigKeys.require(key);
        return Optional.ofNullable(load(scope, key)).map(ConfigValue::entry);
    }

    @Transactional
    public List<ConfigEntry> list(ConfigScope scope) {
        requireWorkspace(scope);
        EntityManager em = session.entityManager();
        List<? extends ConfigValue> rows = scope.workspace().isPresent()
                ? em.createQuery("from WorkspaceConfig where workspaceId = :ws order by key", WorkspaceConfig.class)
                        .setParameter("ws", scope.workspace().get()).getResultList()
                : em.createQuery("from TenantConfig order by key", TenantConfig.class).getResultList();
        return rows.stream().map(ConfigValue::entry).toList();
    }

    @Transactional
    public void delete(ConfigScope scope, String key, OptionalLong ifMatch) {
        ConfigKeys.require(key);
        ConfigValue existing = load(scope, key);
        if (existing == null) {
            throw new NotFoundException("config", key);
        }
        checkVersion(key, existing, ifMatch);
        session.entityManager().remove(existing);
    }

    private ConfigValue load(ConfigScope scope, String key) {
        requireWorkspace(scope);
        TenantId tenant = session.bind();
        EntityManager em = session.entityManager();
        if (scope.workspace().isPresent()) {
            return em.find(WorkspaceConfig.class, new WorkspaceConfig.Pk(tenant.value(), scope.workspace().get(), key));
        }
        return em.find(TenantConfig.class, new TenantConfig.Pk(tenant.value(), key));
    }

    private void requireWorkspace(ConfigScope scope) {
        if (scope.workspace().isEmpty()) {
            return;
        }
        UUID id = scope.workspace().get();
        if (!workspaces.exists(id)) {
            throw new NotFoundException("workspace", id);
        }
    }

    private static void checkVersion(String key, ConfigValue existing, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != existing.version()) {
            throw new PreconditionFailedException("Config '" + key + "'", ifMatch.getAsLong(), existing.version());
        }
    }
}
