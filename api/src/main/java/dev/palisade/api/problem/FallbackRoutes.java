package dev.palisade.api.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.palisade.api.HttpConfig;
import dev.palisade.tenancy.Storable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems for what never reaches a REST resource: paths nothing serves, bodies over the size limit, and failures
 * inside the HTTP layer. Without this, Vert.x would answer with plain text or HTML.
 */
@Singleton
public class FallbackRoutes {

    private static final Logger LOG = Logger.getLogger(FallbackRoutes.class);
    private static final String SWAGGER_UI = "/q/swagger-ui";

    private final long maxBodySize;

    FallbackRoutes(HttpConfig config) {
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // Refuse a declared oversize body before reading it (quarkus.http.limits.max-body-size, the same figure, caps
        // bodies without a Content-Length), and headers that no later layer could parse.
        router.route().order(Integer.MIN_VALUE).handler(this::checkHeaders);
        router.route(SWAGGER_UI).order(Integer.MIN_VALUE + 1).handler(FallbackRoutes::swaggerUi);
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
        router.errorHandler(404, this::notFound);
        router.errorHandler(405, ctx -> send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This method is not allowed on '" + ctx.normalizedPath() + "'.")));
        router.errorHandler(413, ctx -> send(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than this service accepts.")));
        router.errorHandler(400, ctx -> send(ctx, Problem.of(ProblemType.BAD_REQUEST,
                "The request could not be read.")));
        router.errorHandler(500, ctx -> send(ctx, Problem.of(ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly.")));
    }

    private void checkHeaders(RoutingContext ctx) {
        for (String name : new String[]{"Content-Type", "Accept"}) {
            String value = ctx.request().getHeader(name);
            if (value != null && !MediaTypes.parse(value, name.equals("Accept"))) {
                LOG.debugf("Refused a request with an unparsable %s header", name);
                send(ctx, Problem.of(ProblemType.BAD_REQUEST, "The " + name + " header is not a media type like "
                        + "'application/json'; found " + Storable.describe(value) + ".").with("header", name));
                return;
            }
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodySize) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    send(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body has " + declared.trim()
                            + " bytes; this service accepts at most " + maxBodySize + "."));
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, Problem.of(ProblemType.BAD_REQUEST, "The Content-Length header is not a number."));
                return;
            }
        }
        ctx.next();
    }

    /** The UI lives at {@code /q/swagger-ui/}: say so with a Location and a body a browser or curl can follow. */
    private static void swaggerUi(RoutingContext ctx) {
        if (!SWAGGER_UI.equals(ctx.request().path())) {
            ctx.next();
            return;
        }
        String target = SWAGGER_UI + "/";
        ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, target)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end("<!doctype html><title>Moved</title><p>The API explorer is at <a href=\"" + target + "\">"
                        + target + "</a>.</p>\n");
    }

    private void notFound(RoutingContext ctx) {
        send(ctx, Problem.of(ProblemType.NOT_FOUND, "No resource at '" + ctx.normalizedPath() + "'."));
    }

    private static void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response().setStatusCode(problem.kind().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(ProblemJson.write(problem));
    }
}
