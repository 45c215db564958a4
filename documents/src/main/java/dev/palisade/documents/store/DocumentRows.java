package dev.palisade.documents.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The documents of the current tenant (the rules live on {@link DocumentRow}'s base). */
@ApplicationScoped
class DocumentRows implements PanacheRepositoryBase<DocumentRow, DocumentRow.Key> {
}
