package org.quotecheck.article;

import org.quotecheck.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quotecheck.user.Role;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PageResult;

/** The JSON API for articles, as CMS integrations use it ({@code API.md}). */
@io.quarkus.security.Authenticated
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleApi {

    @Inject
    ArticleService articles;

    @Inject
    SecurityIdentity identity;

    /** The JSON body of {@code POST /api/articles}. */
    public record CreateArticle(String title, String body, String url, String outlet, String publishedAt) {
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ArticleView.class)))
    public Response create(CreateArticle request, UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "Send the article as a JSON object.");
        }
        ArticleView created = articles.create(
                new ArticleInput(request.title(), request.outlet(), request.url(), request.publishedAt(), request.body()),
                identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/articles/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public ArticleView get(@RestPath long id) {
        return articles.find(id);
    }

    @GET
    public PageResult<ArticleSummary> list(@RestQuery String q, @RestQuery Integer page, @RestQuery Integer size) {
        return articles.search(q, PageResult.clampPage(page), PageResult.clampSize(size));
    }
}
