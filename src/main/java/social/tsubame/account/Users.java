package social.tsubame.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Users extends JpaRepository<User, Long> {

    @Query("SELECT u FROM User u WHERE lower(u.email) = lower(?1)")
    Optional<User> findByEmail(String email);

    @Query("SELECT u FROM User u JOIN FETCH u.account a ORDER BY a.id")
    List<User> findAllWithAccounts();

    @Query("SELECT u.role FROM User u WHERE u.account.id = ?1")
    Optional<Role> findRoleByAccountId(long accountId);

    @Query("SELECT u.account.id FROM User u WHERE u.role IN ?1")
    List<Long> findAccountIdsByRoleIn(Collection<Role> roles);
}
