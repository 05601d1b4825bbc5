package social.tsubame.activitystreams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A post as Tsubame publishes it. */
public record Note(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String attributedTo,
        String content,
        String summary,
        Boolean sensitive,
        String inReplyTo,
        String published,
        String url,
        List<String> to,
        List<String> cc,
        List<Object> tag,
        List<Document> attachment) {

    /** The same note embedded in an activity, without a context of its own. */
    public Note embedded() {
        return new Note(null, id, type, attributedTo, content, summary, sensitive, inReplyTo, published, url, to, cc,
                tag, attachment);
    }
}
