package org.quotecheck.semantic;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quotecheck.support.Sources;
import org.quotecheck.support.TestUser;
import org.quotecheck.support.TestUsers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Preparing a source survives its worker dying halfway: another worker finishes it, and nothing is done twice. */
@QuarkusTest
class PassageJobTest {

    @Inject
    TestUsers users;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeaningService meaning;

    @Test
    void aJobCutOffHalfwayIsFinishedByAnotherWorkerWithoutRedoingWhatWasDone() throws Exception {
        TestUser editor = users.editor();
        int source = Sources.ready(editor, "Summary to restart", Sources.SUMMIT);
        long version = editor.api().get("/api/sources/" + source).then().extract().jsonPath().getLong("versionId");
        String keptBefore = scalar("SELECT embedding::text FROM source_passage WHERE source_version_id = " + version + " AND ordinal = 0");
        // A worker embedded the first passages, then died: the rest have no vector, its job is RUNNING with a lease
        // that is running out.
        execute("UPDATE source_passage SET embedding = NULL WHERE source_version_id = " + version + " AND ordinal > 0");
        execute("INSERT INTO job (kind, subject_id, state, attempts, locked_by, locked_until) VALUES ('" + PassageJob.KIND + "', "
                + version + ", 'RUNNING', 1, 'dead-worker', now() - interval '1 second')");
        assertThat(meaning.state(version).state()).isEqualTo(SemanticState.State.RUNNING);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (meaning.state(version).state() != SemanticState.State.READY) {
            assertThat(System.nanoTime()).as("finished by another worker within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        SemanticState done = meaning.state(version);
        assertThat(done.embedded()).isEqualTo(done.passages());
        assertThat(scalar("SELECT embedding::text FROM source_passage WHERE source_version_id = " + version + " AND ordinal = 0"))
                .as("a vector once stored is never written again").isEqualTo(keptBefore);
        assertThat(scalar("SELECT count(*) FROM job WHERE kind = '" + PassageJob.KIND + "' AND subject_id = " + version
                + " AND state IN ('PENDING', 'RUNNING')")).isEqualTo("0");
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
