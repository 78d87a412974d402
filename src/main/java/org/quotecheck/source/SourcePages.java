package org.quotecheck.source;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quotecheck.text.Captions;
import org.quotecheck.user.Role;
import org.quotecheck.web.FormErrors;
import org.quotecheck.web.Notices;
import org.quotecheck.web.PageResult;
import org.quotecheck.web.InvalidInputException;
import org.quotecheck.web.PayloadTooLargeException;
import org.quotecheck.web.ProblemException;
import org.quotecheck.web.SeeOther;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The source library pages: search, add, read, correct. */
@io.quarkus.security.Authenticated
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcePages {

    private static final Notices NOTICES = new Notices(Map.of("created", "Source saved.", "corrected",
            "Corrected text saved as a new version; evidence keeps pointing at the version it checked."));

    @Inject
    SourceService sources;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate(basePath = "sources")
    static class Templates {
        static native TemplateInstance list(PageResult<SourceView> result, String q, String notice);

        static native TemplateInstance form(FormData form, FormErrors errors);

        static native TemplateInstance show(SourceView source, List<SourceVersion> versions, String notice, FormErrors errors);

        static native TemplateInstance show$semantic(SourceView source);
    }

    /** The new-source form's values, given back after an error. */
    public record FormData(String title, String type, String url, String retrievedOn, String speakers, String text) {
        static final FormData EMPTY = new FormData("", "TRANSCRIPT", "", "", "", "");
    }

    public static class SourceForm {
        @RestForm
        public String title;
        @RestForm
        public String type;
        @RestForm
        public String url;
        @RestForm
        public String retrievedOn;
        @RestForm
        public String speakers;
        @RestForm
        public String text;
        @RestForm("file")
        public FileUpload file;

        FormData echo() {
            return new FormData(title, type, url, retrievedOn, speakers, text);
        }
    }

    /** The text of a form: the uploaded file if there is one, else the pasted text; captions keep their timings. */
    static final int MAX_FILE_NAME = 255;

    static SourceFiles.Extracted textOf(String pasted, FileUpload file) {
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            if (file.fileName().length() > MAX_FILE_NAME) {
                throw new InvalidInputException("file", "The file name is longer than " + MAX_FILE_NAME
                        + " characters; rename the file and upload it again.");
            }
            try {
                if (file.size() > SourceInput.MAX_TEXT_BYTES * 2L) {
                    throw new PayloadTooLargeException("file", "The file is over 20 MB.");
                }
                return SourceFiles.extract(file.fileName(), Files.readAllBytes(file.uploadedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceFiles.Extracted(pasted, null);
    }

    public static List<String> types() {
        return Arrays.stream(SourceType.values()).map(Enum::name).toList();
    }

    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery Integer page, @RestQuery String notice) {
        return Templates.list(sources.search(q, PageResult.clampPage(page), PageResult.DEFAULT_SIZE), q == null ? "" : q,
                NOTICES.forKey(notice));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance newForm() {
        return Templates.form(FormData.EMPTY, FormErrors.NONE);
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response create(@BeanParam SourceForm form) {
        try {
            SourceFiles.Extracted extracted = textOf(form.text, form.file);
            SourceView created = sources.create(new SourceInput(form.title, form.type, form.url, form.retrievedOn,
                    form.speakers, extracted.text()), extracted.cues(), form.file == null ? null : form.file.fileName(),
                    identity.getPrincipal().getName());
            return SeeOther.to("/sources/" + created.id() + "?notice=created");
        } catch (ProblemException problem) {
            return Response.status(problem.status()).entity(Templates.form(form.echo(), FormErrors.of(problem))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath long id, @RestQuery String notice) {
        return Templates.show(sources.find(id, true), sources.versions(id), NOTICES.forKey(notice), FormErrors.NONE);
    }

    /** How far the source is with being searchable by meaning: the page's progress panel, polled by htmx. */
    @GET
    @Path("/{id}/semantic")
    public TemplateInstance semantic(@RestPath long id) {
        return Templates.show$semantic(sources.find(id, false));
    }

    @POST
    @Path("/{id}/versions")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Response correct(@RestPath long id, @RestForm String text, @RestForm("file") FileUpload file) {
        try {
            SourceFiles.Extracted extracted = textOf(text, file);
            List<Captions.Cue> cues = extracted.cues();
            sources.correct(id, extracted.text(), cues, file == null ? null : file.fileName(), identity.getPrincipal().getName());
            return SeeOther.to("/sources/" + id + "?notice=corrected");
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(Templates.show(sources.find(id, true), sources.versions(id), null, FormErrors.of(problem))).build();
        }
    }
}
