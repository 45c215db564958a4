package dev.palisade.tenancy.workspace;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.PreconditionFailedException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.Rows;
import dev.palisade.tenancy.session.TenantSession;

/** The current tenant's workspaces. Another tenant's workspace id is simply not found. */
@ApplicationScoped
public class Workspaces {

    private static final String SLUG_KEY = "workspaces_slug_uk";

    private final TenantSession session;

    Workspaces(TenantSession session) {
        this.session = session;
    }

    @Transactional
    public WorkspaceInfo create(NewWorkspace request) {
        TenantId tenant = session.bind();
        Workspace workspace = new Workspace(tenant, request, Rows.now());
        return flushed(workspace, request.slug(), em -> em.persist(workspace)).info();
    }

    @Transactional
    public List<WorkspaceInfo> list() {
        return session.entityManager().createQuery("from Workspace order by slug", Workspace.class)
                .getResultStream().map(Workspace::info).toList();
    }

    @Transactional
    public Optional<WorkspaceInfo> find(UUID id) {
        return Optional.ofNullable(load(id)).map(Workspace::info);
    }

    @Transactional
    public WorkspaceInfo update(UUID id, WorkspacePatch patch, OptionalLong ifMatch) {
        Workspace workspace = require(id, ifMatch);
        workspace.apply(patch, Rows.now());
        return flushed(workspace, patch.slug(), em -> {
        }).info();
    }

    /** Deletes a workspace and, through the database's cascade, its configs. */
    @Transactional
    public void delete(UUID id, OptionalLong ifMatch) {
        session.entityManager().remove(require(id, ifMatch));
    }

    /** Whether the workspace exists for the current tenant; for features scoped to a workspace. */
    @Transactional
    public boolean exists(UUID id) {
        return load(id) != null;
    }

    private Workspace require(UUID id, OptionalLong ifMatch) {
        Workspace workspace = load(id);
        if (workspace == null) {
            throw new NotFoundException("workspace", id);
        }
        if (ifMatch.isPresent() && ifMatch.getAsLong() != workspace.version()) {
            throw new PreconditionFailedException("Workspace " + id, ifMatch.getAsLong(), workspace.version());
        }
        return workspace;
    }

    private Workspace load(UUID id) {
        TenantId tenant = session.bind();
        return session.entityManager().find(Workspace.class, new Workspace.Pk(tenant.value(), id));
    }

    private Workspace flushed(Workspace workspace, String slug, java.util.function.Consumer<EntityManager> change) {
        EntityManager em = session.entityManager();
        try {
            change.accept(em);
            em.flush();
            return workspace;
        } catch (PersistenceException e) {
            if (Rows.violates(e, SLUG_KEY)) {
                throw new ConflictException("A workspace with slug '" + slug + "' already exists.");
            }
            throw e;
        }
    }
}
