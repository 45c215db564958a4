package dev.palisade.api.documents;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.documents.collection.IndexField;
import dev.palisade.documents.collection.UnknownCollectionException;
import dev.palisade.documents.store.DocumentExistsException;
import dev.palisade.documents.store.DocumentInvalidException;
import dev.palisade.documents.store.UniqueViolationException;

/** The documents module's exceptions, each mapped once to its problem. */
public class DocumentProblemMappers {

    @ServerExceptionMapper
    public Response invalid(DocumentInvalidException e) {
        List<Map<String, String>> violations = e.violations().stream()
                .map(v -> Map.of("pointer", v.pointer(), "rule", v.rule(), "message", v.message())).toList();
        return Problem.of(ProblemType.INVALID_DOCUMENT, e.getMessage()).with("violations", violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownCollection(UnknownCollectionException e) {
        Problem problem = Problem.of(ProblemType.UNKNOWN_COLLECTION, e.getMessage());
        return e.suggestion().map(s -> problem.with("suggestion", s)).orElse(problem).toResponse();
    }

    @ServerExceptionMapper
    public Response unique(UniqueViolationException e) {
        return Problem.of(ProblemType.UNIQUE_VIOLATION, e.getMessage()).with("index", e.index().name())
                .with("fields", e.index().fields().stream().map(IndexField::path).toList()).toResponse();
    }

    @ServerExceptionMapper
    public Response exists(DocumentExistsException e) {
        return Problem.of(ProblemType.PRECONDITION_FAILED, e.getMessage()).with("currentVersion", e.currentVersion())
                .toResponse();
    }
}
