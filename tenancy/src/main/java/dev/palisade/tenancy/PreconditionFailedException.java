package dev.palisade.tenancy;

/** An {@code If-Match} version that is not the row's current version: somebody else changed it first. */
public class PreconditionFailedException extends TenancyException {

    private final long currentVersion;

    public PreconditionFailedException(String what, long expected, long current) {
        super(what + " is at version " + current + ", not at the expected version " + expected + ".");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
