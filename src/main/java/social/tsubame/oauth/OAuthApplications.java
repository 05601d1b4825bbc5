package social.tsubame.oauth;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OAuthApplications {

    private final JdbcTemplate jdbc;

    public OAuthApplications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OAuthApplication app) {
        jdbc.update("""
                INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id, client_secret_hash,
                                                created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", app.id(), app.name(), app.website(),
                app.redirectUris().toArray(String[]::new), Scopes.join(app.scopes()), app.clientId(),
                app.clientSecretHash(), Timestamp.from(app.createdAt()), Timestamp.from(app.createdAt()));
    }

    public Optional<OAuthApplication> findById(long id) {
        return jdbc.query("SELECT * FROM oauth_applications WHERE id = ?", OAuthApplications::map, id)
                .stream().findFirst();
    }

    public Optional<OAuthApplication> findByClientId(String clientId) {
        return jdbc.query("SELECT * FROM oauth_applications WHERE client_id = ?", OAuthApplications::map, clientId)
                .stream().findFirst();
    }

    private static OAuthApplication map(ResultSet row, int index) throws SQLException {
        Array redirectUris = row.getArray("redirect_uris");
        return new OAuthApplication(row.getLong("id"), row.getString("name"), row.getString("website"),
                List.of((String[]) redirectUris.getArray()),
                new LinkedHashSet<>(List.of(row.getString("scopes").split(" "))), row.getString("client_id"),
                row.getString("client_secret_hash"), row.getTimestamp("created_at").toInstant());
    }
}
