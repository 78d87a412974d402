package org.quotecheck.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An account. The password is a bcrypt hash; the session version grows each time the user signs out, which ends
 * every session issued before (see {@code org.quotecheck.security}).
 */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    public String password;

    /** Comma-separated {@link Role} names. */
    public String roles;

    @Column(name = "session_version")
    public long sessionVersion;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** {@link #PERSON}, or {@link #TOKEN} for the account an API token acts through (it has no usable password). */
    public String kind = PERSON;

    public static final String PERSON = "PERSON";
    public static final String TOKEN = "TOKEN";

    public Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void assignRoles(Set<Role> newRoles) {
        roles = newRoles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username == null ? null : username.toLowerCase()).firstResultOptional();
    }

    public static long countAdministrators() {
        return count("roles like ?1 and kind = ?2", "%" + Role.ADMIN.name() + "%", PERSON);
    }
}
