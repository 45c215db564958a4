package dev.palisade.api.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.index.IndexState;

/**
 * Ready only when every declared index stands valid, as declared; otherwise not ready, naming the collection and
 * index ({@code customers.email: missing}). A serving replica never builds one: the migration Job does.
 */
@Readiness
@ApplicationScoped
public class DocumentIndexReadinessCheck implements HealthCheck {

    private final DataSource dataSource;
    private final Collections collections;

    DocumentIndexReadinessCheck(DataSource dataSource, Collections collections) {
        this.dataSource = dataSource;
        this.collections = collections;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("document-indexes")
                .withData("declared", collections.declarations().indexes().size());
        List<IndexState.Status> statuses;
        try (Connection c = dataSource.getConnection()) {
            statuses = IndexState.of(c, collections.declarations().indexes());
        } catch (SQLException e) {
            return response.down().withData("database", "unreachable").build();
        }
        List<String> problems = statuses.stream().filter(s -> s.condition() != IndexState.Condition.READY)
                .map(IndexState.Status::describe).toList();
        if (problems.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("notReady", String.join("; ", problems)).build();
    }
}
