package social.tsubame.portability;

import tools.jackson.databind.JsonNode;

/** Puts the posts of an archive onto a local profile. Federation provides it, as it reads ActivityStreams. */
public interface ArchivedPosts {

    /**
     * Imports one post, the object of an archive's {@code Create}; importing it again does nothing.
     *
     * @throws social.tsubame.core.ApiException (422) for a post that cannot be read
     */
    void importPost(long accountId, JsonNode post);
}
