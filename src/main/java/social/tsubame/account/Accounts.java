package social.tsubame.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long> {

    @Query("SELECT a FROM Account a WHERE lower(a.username) = lower(?1) AND a.domain IS NULL")
    Optional<Account> findLocal(String username);

    Optional<Account> findByUri(String uri);

    Optional<Account> findByPublicKeyId(String publicKeyId);
}
