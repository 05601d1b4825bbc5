package social.tsubame.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.web.Page;

/** The admin's rules about remote servers, and the allow-list of limited federation mode. */
@Component
public class DomainBlocks {

    private static final String SELECT_BLOCK = "SELECT id, domain, severity, reject_media, reject_reports,"
            + " private_comment, public_comment, obfuscate, created_at FROM domain_blocks";

    /** Accounts aliased {@code a} of a domain, its subdomains and the domain with a port: bind {@link #patterns}. */
    static final String ACCOUNTS_OF_DOMAIN = "(a.domain = ? OR a.domain LIKE ? OR a.domain LIKE ? OR a.domain LIKE ?)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    DomainBlocks(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public List<DomainBlock> all() {
        return jdbc.query(SELECT_BLOCK + " ORDER BY domain", DomainBlocks::block);
    }

    /** A page of blocks, newest first. */
    public List<DomainBlock> page(Page page) {
        Map<String, Object> params = new HashMap<>();
        return page.newestFirst(named.query(SELECT_BLOCK + " WHERE true" + page.sqlClause("id", params), params,
                DomainBlocks::block));
    }

    public Optional<DomainBlock> find(long id) {
        return jdbc.query(SELECT_BLOCK + " WHERE id = ?", DomainBlocks::block, id).stream().findFirst();
    }

    public Optional<DomainBlock> findByDomain(String domain) {
        return jdbc.query(SELECT_BLOCK + " WHERE domain = ?", DomainBlocks::block,
                DomainTrafficControls.host(domain)).stream().findFirst();
    }

    /** The rule of the domain itself or, failing that, of the nearest parent domain that has one. */
    public Optional<DomainBlock> ruleFor(String domain) {
        return jdbc.query(SELECT_BLOCK + " ORDER BY length(domain) DESC", DomainBlocks::block).stream()
                .filter(block -> DomainPolicy.covers(block.domain(), domain))
                .findFirst();
    }

    public List<DomainAllow> allowed() {
        return jdbc.query("SELECT id, domain, created_at FROM domain_allows ORDER BY domain", DomainBlocks::allow);
    }

    /** A page of the allow-list, newest first. */
    public List<DomainAllow> allowedPage(Page page) {
        Map<String, Object> params = new HashMap<>();
        return page.newestFirst(named.query("SELECT id, domain, created_at FROM domain_allows WHERE true"
                + page.sqlClause("id", params), params, DomainBlocks::allow));
    }

    public Optional<DomainAllow> findAllowed(long id) {
        return jdbc.query("SELECT id, domain, created_at FROM domain_allows WHERE id = ?", DomainBlocks::allow, id)
                .stream().findFirst();
    }

    public Optional<DomainAllow> findAllowed(String domain) {
        return jdbc.query("SELECT id, domain, created_at FROM domain_allows WHERE domain = ?", DomainBlocks::allow,
                DomainTrafficControls.host(domain)).stream().findFirst();
    }

    /** The values {@link #ACCOUNTS_OF_DOMAIN} binds, in order. */
    static Object[] patterns(String domain) {
        String like = domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new Object[] {domain, "%." + like, like + ":%", "%." + like + ":%"};
    }

    private static DomainBlock block(ResultSet rs, int row) throws SQLException {
        return new DomainBlock(rs.getLong("id"), rs.getString("domain"),
                DomainBlock.Severity.parse(rs.getString("severity")), rs.getBoolean("reject_media"),
                rs.getBoolean("reject_reports"), rs.getString("private_comment"), rs.getString("public_comment"),
                rs.getBoolean("obfuscate"), rs.getTimestamp("created_at").toInstant());
    }

    private static DomainAllow allow(ResultSet rs, int row) throws SQLException {
        return new DomainAllow(rs.getLong("id"), rs.getString("domain"), rs.getTimestamp("created_at").toInstant());
    }
}
