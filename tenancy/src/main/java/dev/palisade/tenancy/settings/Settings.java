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
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.session.Rows;
import dev.palisade.tenancy.workspace.Workspaces;
import io.quarkus.hibernate.orm.panache.Panache;

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

    private final Workspaces workspaces;

    Settings(Workspaces workspaces) {
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
            SettingRow created = scope.workspace()
                    .<SettingRow>map(ws -> new WorkspaceSetting(ws, key, json, Rows.now()))
                    .orElseGet(() -> new TenantSetting(key, json, Rows.now()));
            created.persist();
            return new Put(stored(created), true);
        }
        checkVersion(key, existing, ifMatch);
        existing.replace(json, Rows.now());
        return new Put(stored(existing), false);
    }

    @Transactional
    public Optional<SettingEntry> get(SettingScope scope, String key) {
        SettingKeys.require(key);
        return Optional.ofNullable(load(scope, key)).map(SettingRow::entry);
    }

    @Transactional
    public List<SettingEntry> list(SettingScope scope) {
        requireWorkspace(scope);
        List<? extends SettingRow> rows = scope.workspace().isPresent()
                ? WorkspaceSetting.<WorkspaceSetting>list("workspaceId = ?1 order by key", scope.workspace().get())
                : TenantSetting.<TenantSetting>list("order by key");
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
        existing.delete();
    }

    private SettingRow load(SettingScope scope, String key) {
        requireWorkspace(scope);
        CurrentTenant.require();
        return scope.workspace().isPresent()
                ? WorkspaceSetting.findById(new WorkspaceSetting.Key(scope.workspace().get(), key))
                : TenantSetting.findById(key);
    }

    /** Flushes a written row and reads back what jsonb stored, so a put echoes the value as every get returns it. */
    private static SettingEntry stored(SettingRow row) {
        EntityManager em = Panache.getEntityManager(row.getClass());
        em.flush();
        em.refresh(row);
        return row.entry();
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
