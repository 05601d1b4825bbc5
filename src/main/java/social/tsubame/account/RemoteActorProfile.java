package social.tsubame.account;

import java.util.List;

/**
 * What we keep of a remote actor, as read from its actor document.
 *
 * @param domain lower-case host of the actor's id
 */
public record RemoteActorProfile(
        String uri,
        String username,
        String domain,
        String actorType,
        String displayName,
        String note,
        String url,
        String inboxUrl,
        String sharedInboxUrl,
        String outboxUrl,
        String followersUrl,
        String followingUrl,
        String featuredUrl,
        String publicKeyId,
        String publicKeyPem,
        boolean locked,
        boolean bot,
        boolean discoverable,
        boolean indexable,
        List<String> alsoKnownAs,
        String avatarUrl,
        String headerUrl,
        String fieldsJson) {
}
