package org.quotecheck.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain engines are plain Java: no framework, so they can be read, tested and benchmarked on their own. */
class PureEnginesTest {

    private static final String[] ENGINES = {"org.quotecheck.claim.extraction..", "org.quotecheck.text..",
            "org.quotecheck.verification..", "org.quotecheck.review.workflow..", "org.quotecheck.embedding..",
            "org.quotecheck.library.vectors..", "org.quotecheck.library.ranking.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quotecheck");

    @Test
    void enginesImportNoFramework() {
        noClasses().that().resideInAnyPackage(ENGINES)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.vertx..", "com.fasterxml..", "org.jboss..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void enginesDoNotReachIntoTheApplication() {
        noClasses().that().resideInAnyPackage(ENGINES)
                .should().dependOnClassesThat().resideInAnyPackage("org.quotecheck.article..", "org.quotecheck.user..",
                        "org.quotecheck.web..", "org.quotecheck.database..", "org.quotecheck.source..",
                        "org.quotecheck.review", "org.quotecheck.upload..", "org.quotecheck.library", "org.quotecheck.jobs..",
                        "org.quotecheck.semantic..")
                .check(classes);
    }
}
