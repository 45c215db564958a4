package dev.palisade.api.query;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.palisade.query.Groups;
import dev.palisade.query.Page;

/** How query results read: a list endpoint's array (paging in headers), or a query body's page or groups. */
public final class QueryViews {

    /** The cursor of the next page, on a list endpoint's response; absent on the last page. */
    public static final String NEXT_CURSOR = "X-Next-Cursor";
    /** Every match, on a list endpoint's response to {@code count=true}. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    private QueryViews() {
    }

    /** A page of a query body: {@code items}, {@code next} (absent on the last page), {@code total} if counted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageView(List<Map<String, Object>> items, String next, Long total) {

        public static PageView of(Page page) {
            return new PageView(page.items(), page.next(), page.total());
        }
    }

    /** The groups of a group query; {@code truncated} says more groups matched than {@code limit}. */
    public record GroupsView(List<Map<String, Object>> groups, boolean truncated) {

        public static GroupsView of(Groups groups) {
            return new GroupsView(groups.groups(), groups.truncated());
        }
    }

    /**
     * A list endpoint's answer: the JSON array of the page's items (as before the query language), with the next
     * page's cursor in {@value #NEXT_CURSOR} and a {@code Link rel="next"}, and the total in {@value #TOTAL_COUNT}.
     */
    public static Response list(Page page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page.items());
        if (page.next() != null) {
            response.header(NEXT_CURSOR, page.next())
                    .link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build(), "next");
        }
        if (page.total() != null) {
            response.header(TOTAL_COUNT, page.total());
        }
        return response.build();
    }

    /** A query body's answer: its groups when it grouped, else its page. */
    public static Object body(dev.palisade.query.Query query, java.util.function.Supplier<Page> page,
            java.util.function.Supplier<Groups> groups) {
        return query.grouped() ? GroupsView.of(groups.get()) : PageView.of(page.get());
    }
}
