package social.tsubame.admin.api;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.relay.AddRelay;
import social.tsubame.federation.relay.Relays;
import social.tsubame.federation.relay.RemoveRelay;
import social.tsubame.web.ApiParams;
import social.tsubame.web.RecordIds;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The relays the server follows (a Tsubame extension; Mastodon has them only in its admin pages). */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/relays")
class RelaysAdminController {

    record RelayParams(String inboxUrl) {
    }

    private final Relays relays;
    private final AddRelay addRelay;
    private final RemoveRelay removeRelay;
    private final ServerAdmins admins;

    RelaysAdminController(Relays relays, AddRelay addRelay, RemoveRelay removeRelay, ServerAdmins admins) {
        this.relays = relays;
        this.addRelay = addRelay;
        this.removeRelay = removeRelay;
        this.admins = admins;
    }

    @GetMapping
    @RequiresScope("admin:read")
    List<AdminRelay> list(Caller caller) {
        admins.require(caller);
        return relays.all().stream().map(AdminRelay::of).toList();
    }

    @PostMapping
    @RequiresScope("admin:write")
    AdminRelay create(@ApiParams RelayParams params, Caller caller) {
        admins.require(caller);
        try {
            return AdminRelay.of(addRelay.add(caller.accountId(), params.inboxUrl()));
        } catch (IllegalArgumentException | AddRelay.AlreadyAdded e) {
            throw ApiException.unprocessable("Validation failed: " + e.getMessage());
        }
    }

    @DeleteMapping("/{id}")
    @RequiresScope("admin:write")
    Map<String, Object> delete(@PathVariable String id, Caller caller) {
        admins.require(caller);
        if (!removeRelay.remove(caller.accountId(), RecordIds.required(id))) {
            throw ApiException.notFound();
        }
        return Map.of();
    }
}
