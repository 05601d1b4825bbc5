package social.tsubame.api.instance;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiEmoji;
import social.tsubame.boot.Roles;
import social.tsubame.media.MediaStorage;

/** The server's own custom emoji, for apps' emoji pickers. */
@RestController
@Profile(Roles.WEB)
class CustomEmojisController {

    private final JdbcTemplate jdbc;
    private final MediaStorage media;

    CustomEmojisController(JdbcTemplate jdbc, MediaStorage media) {
        this.jdbc = jdbc;
        this.media = media;
    }

    @GetMapping("/api/v1/custom_emojis")
    List<ApiEmoji> customEmojis() {
        return jdbc.query("""
                SELECT shortcode, image_key, image_remote_url, visible_in_picker FROM custom_emojis
                WHERE domain IS NULL AND NOT disabled AND (image_key IS NOT NULL OR image_remote_url IS NOT NULL)
                ORDER BY shortcode""", (row, index) -> {
                    String url = row.getString("image_key") != null ? media.url(row.getString("image_key"))
                            : row.getString("image_remote_url");
                    return new ApiEmoji(row.getString("shortcode"), url, url, row.getBoolean("visible_in_picker"),
                            null);
                });
    }
}
