package dev.palisade.api.documents;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query language's parameters on a collection's documents, for the OpenAPI document. The values are read from the
 * request's parameters by {@code QueryParams} (which also takes the {@code field__lookup} ones).
 */
public class DocumentListParams {

    @QueryParam("where")
    @Parameter(description = "A JSON filter, URL-encoded, on id, version, createdAt, updatedAt and paths of data "
            + "(data.status, data.customer.country): {field: value | {equals, not, in, notIn, lt, lte, gt, gte, contains, "
            + "startsWith, endsWith, isNull, mode: \"insensitive\"}, AND: [...], OR: [...], NOT: {...}}. Any other "
            + "parameter is a field with an optional Django lookup: data.status=open, data.total__gt=100, "
            + "data.email__iendswith=@example.com, createdAt__gte=2026-01-01T00:00:00Z, id__in=a,b (exact, iexact, "
            + "contains, icontains, startswith, istartswith, endswith, iendswith, gt, gte, lt, lte, in, isnull, range). "
            + "A path a declared index holds takes values of its declared type, and its index serves equality, in, "
            + "ranges and isNull on it (text matching and insensitive mode filter within the index's range); any other "
            + "path compares a number with numbers and text with strings. At most 10 levels and 100 conditions.")
    public String where;

    @QueryParam("exclude")
    @Parameter(description = "A JSON filter like where; documents matching it are left out.")
    public String exclude;

    @QueryParam("orderBy")
    @Parameter(description = "Fields to order by, comma-separated; a leading '-' is descending: -data.total,id. A path "
            + "a declared index holds sorts by its declared type (and the index serves it); any other path by its JSON "
            + "value (strings, then numbers, booleans, arrays, objects). A missing key or JSON null sorts after every "
            + "value ascending, before them descending. id always ends the ordering, so pages are exact under ties.")
    public String orderBy;

    @QueryParam("limit")
    @Parameter(description = "Documents per page, 1 to 1000; 50 when absent.")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The next of the previous page (opaque), with the same orderBy: keyset paging that "
            + "neither repeats nor skips documents written meanwhile.")
    public String cursor;

    @QueryParam("after")
    @Parameter(description = "The same as cursor (the list's parameter before the query language); not both.")
    public String after;

    @QueryParam("count")
    @Parameter(description = "true to count every matching document: total.")
    public String count;

    @QueryParam("select")
    @Parameter(description = "Fields to return, comma-separated; paths nest: select=id,data.name returns "
            + "{id, data: {name}}. The whole document when absent.")
    public String select;

    @QueryParam("include")
    @Parameter(description = "Declared references to follow, comma-separated: include=customer on orders (whose "
            + "customerId references customers) attaches each order's customer document (null when there is none), "
            + "read in one statement for the whole page, from the same tenant only.")
    public String include;
}
