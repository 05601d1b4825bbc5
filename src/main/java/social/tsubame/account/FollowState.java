package social.tsubame.account;

/** Where a follow stands after a follow use case. */
public enum FollowState {
    FOLLOWING, REQUESTED, NONE
}
