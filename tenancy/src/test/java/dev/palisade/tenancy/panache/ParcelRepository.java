package dev.palisade.tenancy.panache;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The repository style: a plain Panache repository, nothing tenant-specific. */
@ApplicationScoped
public class ParcelRepository implements PanacheRepositoryBase<Parcel, UUID> {
}
