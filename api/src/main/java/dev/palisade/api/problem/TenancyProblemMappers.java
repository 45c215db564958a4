package dev.palisade.api.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.InvalidTenantIdException;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.PreconditionFailedException;
import dev.palisade.tenancy.TenantMismatchException;

/** The tenancy module's exceptions, each mapped once to its problem. */
public class TenancyProblemMappers {

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problem.of(ProblemType.INVALID_FIELD, e.getMessage()).with("field", e.field()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidTenantId(InvalidTenantIdException e) {
        return Problem.of(ProblemType.INVALID_FIELD, e.getMessage()).with("field", "id").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(ProblemType.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        return Problem.of(ProblemType.PRECONDITION_FAILED, e.getMessage())
                .with("currentVersion", e.currentVersion()).toResponse();
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e) {
        return concurrent();
    }

    @ServerExceptionMapper
    public Response concurrentChange(StaleStateException e) {
        return concurrent();
    }

    // Reaching these from a request means a bug in the service, not in the request: fail closed, say little.
    @ServerExceptionMapper
    public Response noTenant(NoTenantException e) {
        return Problem.of(ProblemType.INTERNAL_ERROR, "The request ran without a tenant and was refused.").toResponse();
    }

    @ServerExceptionMapper
    public Response mismatch(TenantMismatchException e) {
        return Problem.of(ProblemType.INTERNAL_ERROR, "The request touched data of another tenant and was refused.")
                .toResponse();
    }

    private static Response concurrent() {
        return Problem.of(ProblemType.PRECONDITION_FAILED,
                "The row changed while this request was updating it; read it again and retry.").toResponse();
    }
}
