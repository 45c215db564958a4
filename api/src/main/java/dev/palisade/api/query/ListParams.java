package dev.palisade.api.query;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query language's parameters, declared once for the OpenAPI document of every list endpoint. The values are
 * read from the request's parameters by {@link QueryParams} (which also takes the {@code field__lookup} ones).
 */
public class ListParams {

    @QueryParam("where")
    @Parameter(description = "A JSON filter, URL-encoded: {field: value | {equals, not, in, notIn, lt, lte, gt, gte, "
            + "contains, startsWith, endsWith, isNull, mode: \"insensitive\"}, AND: [...], OR: [...], NOT: {...}}. "
            + "Any other parameter is a field with an optional Django lookup: name__startswith=ac, "
            + "createdAt__gte=2026-01-01T00:00:00Z, slug__in=a,b (exact, iexact, contains, icontains, startswith, "
            + "istartswith, endswith, iendswith, gt, gte, lt, lte, in, isnull, range). At most 10 levels and 100 "
            + "conditions; an unknown field is a 400 with a suggestion.")
    public String where;

    @QueryParam("exclude")
    @Parameter(description = "A JSON filter like where; rows matching it are left out.")
    public String exclude;

    @QueryParam("orderBy")
    @Parameter(description = "Fields to order by, comma-separated; a leading '-' is descending: -createdAt,name. "
            + "The collection's key always ends the ordering, so pages are stable under ties.")
    public String orderBy;

    @QueryParam("limit")
    @Parameter(description = "Rows per page, 1 to 1000; 50 when absent.")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The X-Next-Cursor of the previous page (opaque), with the same orderBy; keyset paging "
            + "that neither repeats nor skips rows when rows are inserted meanwhile.")
    public String cursor;

    @QueryParam("count")
    @Parameter(description = "true to count every match: the total is in X-Total-Count.")
    public String count;

    @QueryParam("select")
    @Parameter(description = "Fields to return, comma-separated (JSON paths nest: value.theme); all when absent.")
    public String select;

    @QueryParam("include")
    @Parameter(description = "Related rows to embed: 'configs' on workspaces (read in one statement for the page).")
    public String include;
}
