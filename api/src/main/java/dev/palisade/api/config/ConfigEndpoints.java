package dev.palisade.api.config;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.rest.Versions;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.config.ConfigEntry;
import dev.palisade.tenancy.config.ConfigScope;
import dev.palisade.tenancy.config.Configs;

/** What the tenant-level and workspace-level config resources share; they differ only in scope and path. */
@ApplicationScoped
class ConfigEndpoints {

    private final Configs configs;
    private final ObjectMapper mapper;

    ConfigEndpoints(Configs configs, ObjectMapper mapper) {
        this.configs = configs;
        this.mapper = mapper;
    }

    Response put(ConfigScope scope, String base, String key, ConfigBody body, String ifMatch) {
        if (body == null) {
            body = new ConfigBody(null);
        }
        Configs.Put put = configs.put(scope, key, json(body), Versions.ifMatch(ifMatch));
        Response.ResponseBuilder response = put.created()
                ? Response.created(URI.create(base + "/" + key))
                : Response.ok();
        return response.tag(tag(put.entry())).entity(ConfigView.of(put.entry())).build();
    }

    Response get(ConfigScope scope, String key) {
        ConfigEntry entry = configs.get(scope, key).orElseThrow(() -> new NotFoundException("config", key));
        return Response.ok(ConfigView.of(entry)).tag(tag(entry)).build();
    }

    List<ConfigView> list(ConfigScope scope) {
        return configs.list(scope).stream().map(ConfigView::of).toList();
    }

    Response delete(ConfigScope scope, String key, String ifMatch) {
        configs.delete(scope, key, Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private String json(ConfigBody body) {
        try {
            return mapper.writeValueAsString(body.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value always serializes", e);
        }
    }

    private static EntityTag tag(ConfigEntry entry) {
        return new EntityTag(String.valueOf(entry.version()));
    }
}
