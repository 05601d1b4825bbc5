package social.tsubame.admin.api;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import social.tsubame.account.Role;
import social.tsubame.account.User;
import social.tsubame.account.Users;
import social.tsubame.core.ApiException;
import social.tsubame.web.auth.Caller;

/** Who may steer the server: owners and admins; an admin scope on the token is not enough by itself. */
@Component
class ServerAdmins {

    private static final Set<Role> STEERING = Set.of(Role.OWNER, Role.ADMIN);

    private final Users users;

    ServerAdmins(Users users) {
        this.users = users;
    }

    void require(Caller caller) {
        boolean admin = users.findById(caller.userId()).map(User::role).filter(STEERING::contains).isPresent();
        if (!admin) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This action is not allowed");
        }
    }
}
