package org.quotecheck.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.quotecheck.user.User;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A source document in the library; its text lives in {@link SourceVersion}s. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Enumerated(EnumType.STRING)
    public SourceType type;

    public String url;

    @Column(name = "retrieved_on")
    public LocalDate retrievedOn;

    public String speakers;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public User createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
