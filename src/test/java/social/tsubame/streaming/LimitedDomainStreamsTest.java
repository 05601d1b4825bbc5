package social.tsubame.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;

/** Public posts of a limited server's accounts are streamed to no public timeline, as Mastodon keeps them off. */
@TsubameTest
class LimitedDomainStreamsTest {

    @Autowired
    StatusChannels statusChannels;

    @Autowired
    StreamChannels streamChannels;

    @Autowired
    ReceiveRemoteStatus receive;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLimitedServersPublicPostStaysOffThePublicStreams() {
        long author = ids.next();
        jdbc.update("INSERT INTO accounts (id, username, domain, uri, inbox_url) VALUES (?, 'hush', 'hush.example',"
                + " 'https://hush.example/users/hush', 'https://hush.example/users/hush/inbox')", author);
        Status post = receive.receive(new ReceiveRemoteStatus.RemoteStatus(author,
                "https://hush.example/users/hush/statuses/1", "https://hush.example/@hush/1", "<p>Loud</p>", "",
                false, Visibility.PUBLIC, "en", null, null, Instant.now(), List.of(), List.of(), List.of(),
                List.of())).orElseThrow();
        assertThat(statusChannels.of(post)).contains(streamChannels.federated(), streamChannels.remote());

        jdbc.update("INSERT INTO domain_blocks (id, domain, severity) VALUES (?, 'hush.example', 'silence')",
                ids.next());

        assertThat(statusChannels.of(post)).doesNotContain(streamChannels.federated(), streamChannels.remote());
        jdbc.update("DELETE FROM domain_blocks WHERE domain = 'hush.example'");
    }
}
