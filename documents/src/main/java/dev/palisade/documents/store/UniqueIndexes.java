package dev.palisade.documents.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.DeclaredIndex;

/**
 * Which declared unique index refused a write. Constraint names arrive as PostgreSQL reports them
 * ({@link DeclaredIndex#isNamed}: a rebuild's name while it is swapped in, and the shard suffix Citus appends, are
 * the same index).
 */
@ApplicationScoped
class UniqueIndexes {

    Optional<DeclaredIndex> violated(CollectionDeclaration collection, PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null) {
                String name = cve.getConstraintName();
                return collection.indexes().stream().filter(DeclaredIndex::unique)
                        .filter(i -> i.isNamed(name))
                        .findFirst();
            }
        }
        return Optional.empty();
    }
}
