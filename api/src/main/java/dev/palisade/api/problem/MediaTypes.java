package dev.palisade.api.problem;

import jakarta.ws.rs.core.MediaType;

/** Whether a {@code Content-Type} or {@code Accept} value parses as the REST layer will parse it. */
final class MediaTypes {

    private MediaTypes() {
    }

    static boolean parse(String header, boolean list) {
        try {
            for (String part : list ? header.split(",") : new String[]{header}) {
                if (!part.isBlank()) {
                    MediaType.valueOf(part.trim());
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
