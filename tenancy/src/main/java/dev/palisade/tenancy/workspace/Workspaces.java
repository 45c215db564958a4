package dev.palisade.tenancy.workspace;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.PreconditionFailedException;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.session.Rows;

/** The current tenant's workspaces. Another tenant's workspace id is simply not found. */
@ApplicationScoped
public class Workspaces {

    private static final String SLUG_KEY = "workspaces_slug_uk";

    @Transactional
    public WorkspaceInfo create(NewWorkspace request) {
        CurrentTenant.require();
        Workspace workspace = new Workspace(request, Rows.now());
        return flushed(workspace, request.slug(), workspace::persist).info();
    }

    @Transactional
    public List<WorkspaceInfo> list() {
        CurrentTenant.require();
        return Workspace.<Workspace>find("order by slug").stream().map(Workspace::info).toList();
    }

    @Transactional
    public Optional<WorkspaceInfo> find(UUID id) {
        return Optional.ofNullable(load(id)).map(Workspace::info);
    }

    @Transactional
    public WorkspaceInfo update(UUID id, WorkspacePatch patch, OptionalLong ifMatch) {
        Workspace workspace = require(id, ifMatch);
        workspace.apply(patch, Rows.now());
        return flushed(workspace, patch.slug(), () -> {
        }).info();
    }

    /** Deletes a workspace and, through the database's cascade, its configs. */
    @Transactional
    public void delete(UUID id, OptionalLong ifMatch) {
        require(id, ifMatch).delete();
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
        CurrentTenant.require();
        return Workspace.findById(id);
    }

    private Workspace flushed(Workspace workspace, String slug, Runnable change) {
        try {
            change.run();
            Workspace.flush();
            return workspace;
        } catch (PersistenceException e) {
            if (Rows.violates(e, SLUG_KEY)) {
                throw new ConflictException("A workspace with slug '" + slug + "' already exists.");
            }
            throw e;
        }
    }
}
