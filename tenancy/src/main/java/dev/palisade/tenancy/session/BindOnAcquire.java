package dev.palisade.tenancy.session;

import java.sql.Connection;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Unremovable;

/**
 * Binds a transaction to the current tenant when its connection leaves the application's pool. Agroal calls it once
 * per transaction and connection, after the connection has joined the transaction (so the transaction-local setting
 * lives exactly as long as the transaction), and not again for the same transaction's later {@code getConnection()}
 * calls, which reuse the enlisted connection.
 */
@ApplicationScoped
@Unremovable // Agroal looks interceptors up programmatically
public class BindOnAcquire implements AgroalPoolInterceptor {

    private final TransactionTenant transactionTenant;

    BindOnAcquire(TransactionTenant transactionTenant) {
        this.transactionTenant = transactionTenant;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        transactionTenant.onAcquire(connection);
    }
}
