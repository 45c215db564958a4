package dev.palisade.tenancy.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/** Small helpers shared by the tenancy services. */
public final class Rows {

    private Rows() {
    }

    /** Now, at the precision PostgreSQL stores, so that what a write returns equals what a read returns. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether a persistence failure is the violation of the named constraint. */
    public static boolean violates(PersistenceException e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraint.equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
