package org.quotecheck.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quotecheck.text.Captions;
import org.quotecheck.user.User;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One immutable text of a source. Corrections add a version; nothing updates a stored one. */
@Entity
@Table(name = "source_version")
public class SourceVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    public int number;

    @Column(updatable = false)
    public String text;

    @Column(name = "content_hash", updatable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Captions.Cue> cues;

    @Column(name = "file_name")
    public String fileName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public User createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Whether this is the source's newest version: the one library search reads. */
    @Column(name = "is_latest")
    public boolean latest;

    public static Optional<SourceVersion> latest(long sourceId) {
        return find("source.id = ?1 order by number desc", sourceId).firstResultOptional();
    }

    public static List<SourceVersion> allOf(long sourceId) {
        return list("source.id = ?1 order by number desc", sourceId);
    }
}
