package dev.palisade.examples.invoices;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.palisade.schema.check.SchemaCheck;
import dev.palisade.schema.check.SchemaReport;

/** This service's changelog, Palisade's included, follows Palisade's schema rules: a mistake fails the build. */
class SchemaRulesTest {

    @Test
    void changelogFollowsPalisadesSchemaRules() {
        SchemaReport report = SchemaCheck.of("db/changelog/invoices.yaml").check();
        assertTrue(report.tenantTables().containsAll(java.util.List.of("customers", "invoices")),
                "the check covered this service's tables: " + report);
    }
}
