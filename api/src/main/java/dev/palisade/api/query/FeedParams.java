package dev.palisade.api.query;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query language's parameters on the event feed (which pages with {@code after}, always in position order). */
public class FeedParams {

    @QueryParam("where")
    @Parameter(
            description = "A JSON filter, URL-encoded, on type, streamId, version, eventId, recordedAt, position and "
                    + "paths of data and metadata (data.amount, metadata.correlationId). Any other parameter is a field with "
                    + "an optional Django lookup: data.amount__gt=100, metadata.correlationId=abc, streamId__startswith=order-. "
                    + "A filtered page examines at most palisade.query.feed-window events and its next moves past them, so a "
                    + "reader never skips a matching event.")
    public String where;

    @QueryParam("exclude")
    @Parameter(description = "A JSON filter like where; events matching it are left out.")
    public String exclude;

    @QueryParam("count")
    @Parameter(description = "true to count every matching event after 'after' (total); bounded by the statement "
            + "timeout.")
    public String count;

    @QueryParam("select")
    @Parameter(description = "Fields to return, comma-separated (position is always returned): position,data.amount.")
    public String select;
}
