package dev.palisade.documents.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.DeclaredIndex;

/**
 * Which declared unique index refused a write. Constraint names arrive as PostgreSQL reports them; Citus appends a
 * shard suffix ({@code doc_customers__email_102083}), which is ignored.
 */
@ApplicationScoped
class UniqueIndexes {

    Optional<DeclaredIndex> violated(CollectionDeclaration collection, PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null) {
                String name = cve.getConstraintName();
                return collection.indexes().stream().filter(DeclaredIndex::unique)
                        .filter(i -> name.equals(i.physicalName()) || name.matches(i.physicalName() + "_\\d+"))
                        .findFirst();
            }
        }
        return Optional.empty();
    }
}
