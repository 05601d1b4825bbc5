package social.tsubame.admin.api;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import social.tsubame.account.Role;
import social.tsubame.account.User;
import social.tsubame.account.Users;
import social.tsubame.core.ApiException;
import social.tsubame.web.auth.Caller;

/**
 * Who may steer the server (owners and admins) and who may moderate it (those and moderators); an admin scope on the
 * token is not enough by itself.
 */
@Component
public class ServerAdmins {

    private static final Set<Role> STEERING = Set.of(Role.OWNER, Role.ADMIN);
    private static final Set<Role> MODERATING = Set.of(Role.OWNER, Role.ADMIN, Role.MODERATOR);

    private final Users users;

    ServerAdmins(Users users) {
        this.users = users;
    }

    /** Lets owners and admins through. */
    public void require(Caller caller) {
        requireOneOf(STEERING, caller);
    }

    /** Lets moderators, admins and owners through. */
    public void requireModerator(Caller caller) {
        requireOneOf(MODERATING, caller);
    }

    private void requireOneOf(Set<Role> roles, Caller caller) {
        boolean allowed = users.findById(caller.userId()).map(User::role).filter(roles::contains).isPresent();
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This action is not allowed");
        }
    }
}
