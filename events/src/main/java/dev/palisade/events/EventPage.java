package dev.palisade.events;

import java.util.List;

/**
 * One page of a read. {@code next} is the cursor for the following page ({@code fromVersion} for a stream,
 * {@code after} for the feed), or {@code null} when this page reached the end as it was at the time of the read.
 */
public record EventPage(List<RecordedEvent> events, Long next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
