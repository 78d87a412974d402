package org.quotecheck.article;

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
import jakarta.persistence.Version;
import org.quotecheck.user.User;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An article as pasted or uploaded by an editor; its body is the plain text that claims point into. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String outlet;

    public String url;

    @Column(name = "published_at")
    public LocalDate publishedAt;

    public String body;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public User createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Who saved the article last. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public User updatedBy;

    @Version
    public long version;

    void apply(ArticleInput.Valid input) {
        title = input.title();
        outlet = input.outlet();
        url = input.url();
        publishedAt = input.publishedAt();
        body = input.body();
    }
}
