package dev.palisade.api.query;

import java.util.List;
import java.util.Set;

import dev.palisade.query.Query;

/** A parsed list request: the query, and which related rows to {@code include} (checked against the endpoint's). */
public record QueryRequest(Query query, Set<String> include) {

    public QueryRequest {
        include = Set.copyOf(include);
    }

    public boolean includes(String relation) {
        return include.contains(relation);
    }

    static Set<String> checkInclude(List<String> asked, Set<String> allowed) {
        for (String relation : asked) {
            if (!allowed.contains(relation)) {
                throw dev.palisade.query.QueryException.unknown("include", relation,
                        dev.palisade.query.Names.closest(relation, allowed));
            }
        }
        return Set.copyOf(asked);
    }
}
