package dev.palisade.api.settings;

import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.query.QueryBody;
import dev.palisade.api.query.QueryParams;
import dev.palisade.api.query.QueryRequest;
import dev.palisade.api.query.QueryViews;
import dev.palisade.tenancy.settings.SettingQueries;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.rest.Versions;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.settings.SettingEntry;
import dev.palisade.tenancy.settings.SettingScope;
import dev.palisade.tenancy.settings.Settings;

/** What the tenant-level and workspace-level config resources share; they differ only in scope and path. */
@ApplicationScoped
class SettingEndpoints {

    private final Settings configs;
    private final SettingQueries queries;
    private final ObjectMapper mapper;

    SettingEndpoints(Settings configs, SettingQueries queries, ObjectMapper mapper) {
        this.configs = configs;
        this.queries = queries;
        this.mapper = mapper;
    }

    Response put(SettingScope scope, String base, String key, SettingBody body, String ifMatch) {
        if (body == null) {
            body = new SettingBody(null);
        }
        Settings.Put put = configs.put(scope, key, json(body), Versions.ifMatch(ifMatch));
        Response.ResponseBuilder response = put.created()
                ? Response.created(URI.create(base + "/" + key))
                : Response.ok();
        return response.tag(tag(put.entry())).entity(SettingView.of(put.entry())).build();
    }

    Response get(SettingScope scope, String key) {
        SettingEntry entry = configs.get(scope, key).orElseThrow(() -> new NotFoundException("config", key));
        return Response.ok(SettingView.of(entry)).tag(tag(entry)).build();
    }

    Response list(SettingScope scope, UriInfo uri) {
        QueryRequest request = QueryParams.parse(uri.getQueryParameters(), Set.of(), Set.of());
        return QueryViews.list(queries.page(scope, request.query()), uri);
    }

    Object query(SettingScope scope, JsonNode body) {
        QueryRequest request = QueryBody.parse(body, Set.of());
        return QueryViews.body(request.query(), () -> queries.page(scope, request.query()),
                () -> queries.groups(scope, request.query()));
    }

    Response delete(SettingScope scope, String key, String ifMatch) {
        configs.delete(scope, key, Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private String json(SettingBody body) {
        try {
            return mapper.writeValueAsString(body.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value always serializes", e);
        }
    }

    private static EntityTag tag(SettingEntry entry) {
        return new EntityTag(String.valueOf(entry.version()));
    }
}
