/** Moderation: reports about accounts and their statuses, and later the tools moderators act with. */
package social.tsubame.moderation;
