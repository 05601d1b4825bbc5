package social.tsubame.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Follows extends JpaRepository<Follow, Long> {

    @Query("SELECT f FROM Follow f WHERE f.followerId = ?1 AND f.targetId = ?2")
    Optional<Follow> findPair(long followerId, long targetId);

    @Query("SELECT count(f) FROM Follow f WHERE f.targetId = ?1")
    long countFollowers(long targetId);
}
