package dev.palisade.tenancy.settings;

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
 * The current tenant's settings: JSON values under a key, at tenant level or per workspace ("configs" in the REST
 * API; the package is not called config so that the word means one thing in the code: typed configuration, such as
 * {@code TenancyConfig}). Values arrive as JSON text that the caller has parsed and validated.
 */
@ApplicationScoped
public class Settings {

    /** The result of a put: the entry, and whether it was created rather than replaced. */
    public record Put(SettingEntry entry, boolean created) {
    }

    private final TenantSession session;
    private final Workspaces workspaces;

    Settings(TenantSession session, Workspaces workspaces) {
        this.session = session;
        this.workspaces = workspaces;
    }

    @Transactional
    public Put put(SettingScope scope, String key, String json, OptionalLong ifMatch) {
        SettingKeys.require(key);
        SettingRow existing = load(scope, key);
        if (existing == null) {
            if (ifMatch.isPresent()) {
                throw new NotFoundException("config", key);
            }
            TenantId tenant = session.bind();
            SettingRow created = scope.workspace()
                    .<SettingRow>map(ws -> new WorkspaceSetting(tenant, ws, key, json, Rows.now()))
                    .orElseGet(() -> new TenantSetting(tenant, key, json, Rows.now()));
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
    public Optional<SettingEntry> get(SettingScope scope, String key) {
        SettingKeys.require(key);
        return Optional.ofNullable(load(scope, key)).map(SettingRow::entry);
    }

    @Transactional
    public List<SettingEntry> list(SettingScope scope) {
        requireWorkspace(scope);
        EntityManager em = session.entityManager();
        List<? extends SettingRow> rows = scope.workspace().isPresent()
                ? em.createQuery("from WorkspaceSetting where workspaceId = :ws order by key", WorkspaceSetting.class)
                        .setParameter("ws", scope.workspace().get()).getResultList()
                : em.createQuery("from TenantSetting order by key", TenantSetting.class).getResultList();
        return rows.stream().map(SettingRow::entry).toList();
    }

    @Transactional
    public void delete(SettingScope scope, String key, OptionalLong ifMatch) {
        SettingKeys.require(key);
        SettingRow existing = load(scope, key);
        if (existing == null) {
            throw new NotFoundException("config", key);
        }
        checkVersion(key, existing, ifMatch);
        session.entityManager().remove(existing);
    }

    private SettingRow load(SettingScope scope, String key) {
        requireWorkspace(scope);
        TenantId tenant = session.bind();
        EntityManager em = session.entityManager();
        if (scope.workspace().isPresent()) {
            return em.find(WorkspaceSetting.class,
                    new WorkspaceSetting.Pk(tenant.value(), scope.workspace().get(), key));
        }
        return em.find(TenantSetting.class, new TenantSetting.Pk(tenant.value(), key));
    }

    private void requireWorkspace(SettingScope scope) {
        if (scope.workspace().isEmpty()) {
            return;
        }
        UUID id = scope.workspace().get();
        if (!workspaces.exists(id)) {
            throw new NotFoundException("workspace", id);
        }
    }

    private static void checkVersion(String key, SettingRow existing, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != existing.version()) {
            throw new PreconditionFailedException("Config '" + key + "'", ifMatch.getAsLong(), existing.version());
        }
    }
}
