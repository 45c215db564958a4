package dev.palisade.examples.invoices.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.palisade.tenancy.panache.TenantPanacheEntity;

/** A customer of a tenant. Everything tenant-related comes from the base class. */
@Entity
@Table(name = "customers")
public class Customer extends TenantPanacheEntity {

    @Id
    public UUID id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
