package social.tsubame.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long> {

    @Query("SELECT a FROM Account a WHERE lower(a.username) = lower(?1) AND a.domain IS NULL")
    Optional<Account> findLocal(String username);

    Optional<Account> findByUri(String uri);

    @Query("SELECT a FROM Account a WHERE lower(a.username) = lower(?1) AND a.domain = lower(?2)")
    Optional<Account> findRemote(String username, String domain);

    Optional<Account> findByPublicKeyId(String publicKeyId);
}
