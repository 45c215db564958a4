package dev.palisade.api.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems for what never reaches a REST resource: paths nothing serves, bodies over the size limit, and failures
 * inside the HTTP layer. Without this, Vert.x would answer with plain text or HTML.
 */
@Singleton
public class FallbackRoutes {

    private final long maxBodySize;

    FallbackRoutes(@ConfigProperty(name = "palisade.http.max-body-size", defaultValue = "5M") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Refuse a declared oversize body before reading it. quarkus.http.limits.max-body-size stays above this
        // limit as the hard cap for bodies without a Content-Length.
        router.route().order(Integer.MIN_VALUE).handler(this::limitBodySize);
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

    private void limitBodySize(RoutingContext ctx) {
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

    private void notFound(RoutingContext ctx) {
        send(ctx, Problem.of(ProblemType.NOT_FOUND, "No resource at '" + ctx.normalizedPath() + "'."));
    }

    private static void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response().setStatusCode(problem.kind().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(ProblemJson.write(problem));
    }
}
