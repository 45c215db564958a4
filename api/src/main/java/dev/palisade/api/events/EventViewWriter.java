package dev.palisade.api.events;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.palisade.api.events.EventViews.EventView;
import dev.palisade.api.json.IsoInstant;

/**
 * Writes an {@link EventView} field by field, the way Jackson wrote the record before (same names, order and values),
 * without its costs: {@code data} and {@code metadata} go out as the stored JSON text with PostgreSQL's spaces between
 * tokens left out, never parsed; {@code eventId} is formatted into a reused buffer, {@code recordedAt} by {@link IsoInstant}. A page of
 * 1,000 events spent about 30 % of its CPU parsing and rewriting the JSON and 10 % formatting times and ids, and its
 * garbage starved the young generation.
 */
final class EventViewWriter extends StdSerializer<EventView> {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int KEEP_BUFFER = 64 * 1024;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[512]);

    EventViewWriter() {
        super(EventView.class);
    }

    @Override
    public void serialize(EventView event, JsonGenerator gen, SerializerProvider provider) throws IOException {
        char[] buffer = BUFFER.get();
        gen.writeStartObject(event);
        gen.writeNumberField("position", event.position());
        gen.writeStringField("streamId", event.streamId());
        gen.writeNumberField("version", event.version());
        gen.writeFieldName("eventId");
        gen.writeString(buffer, 0, uuid(event.eventId(), buffer));
        gen.writeStringField("type", event.type());
        gen.writeFieldName("data");
        buffer = writeJson(gen, event.data(), buffer);
        gen.writeFieldName("metadata");
        buffer = writeJson(gen, event.metadata(), buffer);
        gen.writeFieldName("recordedAt");
        IsoInstant.write(event.recordedAt(), gen);
        gen.writeEndObject();
    }

    /** Writes stored JSON text as a value, without the spaces outside strings; returns the buffer to keep using. */
    private static char[] writeJson(JsonGenerator gen, String json, char[] buffer) {
        char[] chars = buffer.length >= json.length() ? buffer : new char[json.length()];
        int length = compact(json, chars);
        try {
            gen.writeRawValue(chars, 0, length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (chars != buffer && chars.length <= KEEP_BUFFER) {
            BUFFER.set(chars);
            return chars;
        }
        return buffer;
    }

    /**
     * Copies {@code json} into {@code out} without whitespace outside strings (PostgreSQL prints {@code jsonb} as
     * {@code {"a": 1, "b": [2, 3]}}); returns the length. Inside a string everything is kept: whitespace there is
     * content, and a quote only ends the string when no backslash escapes it.
     */
    static int compact(String json, char[] out) {
        int length = json.length();
        json.getChars(0, length, out, 0);
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            char c = out[i];
            if (inString) {
                if (c == '\\') {
                    out[n++] = c;
                    c = out[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            out[n++] = c;
        }
        return n;
    }

    /** The id in its canonical form ({@link UUID#toString()}): 36 characters. */
    static int uuid(UUID id, char[] out) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        hex(hi >>> 32, 8, out, 0);
        out[8] = '-';
        hex(hi >>> 16, 4, out, 9);
        out[13] = '-';
        hex(hi, 4, out, 14);
        out[18] = '-';
        hex(lo >>> 48, 4, out, 19);
        out[23] = '-';
        hex(lo, 12, out, 24);
        return 36;
    }

    private static void hex(long value, int digits, char[] out, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

}
