package social.tsubame.api.accounts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.BlockDomainForAccount;
import social.tsubame.boot.Roles;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The servers a user has hidden from themselves. */
@RestController
@Profile(Roles.WEB)
class DomainBlocksController {

    record DomainParams(String domain) {
    }

    private final BlockDomainForAccount blockDomain;
    private final NamedParameterJdbcTemplate jdbc;

    DomainBlocksController(BlockDomainForAccount blockDomain, NamedParameterJdbcTemplate jdbc) {
        this.blockDomain = blockDomain;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/domain_blocks")
    @RequiresScope("read:blocks")
    ResponseEntity<List<String>> list(@ApiParams PageParams paging, Caller caller, HttpServletRequest request) {
        Page page = paging.page(200);
        Map<String, Object> params = new HashMap<>(Map.of("me", caller.accountId()));
        String sql = "SELECT id, domain FROM account_domain_blocks WHERE account_id = :me"
                + page.sqlClause("id", params);
        record Blocked(long id, String domain) {
        }
        List<Blocked> rows = page.newestFirst(jdbc.query(sql, params, (row, index) -> new Blocked(row.getLong(1),
                row.getString(2))));
        return Page.respond(rows.stream().map(Blocked::domain).toList(), rows.stream().map(Blocked::id).toList(),
                request);
    }

    @PostMapping("/api/v1/domain_blocks")
    @RequiresScope("write:blocks")
    Map<String, Object> block(@ApiParams DomainParams params, Caller caller) {
        blockDomain.block(caller.accountId(), params.domain());
        return Map.of();
    }

    @DeleteMapping("/api/v1/domain_blocks")
    @RequiresScope("write:blocks")
    Map<String, Object> unblock(@ApiParams DomainParams params, Caller caller) {
        blockDomain.unblock(caller.accountId(), params.domain());
        return Map.of();
    }
}
