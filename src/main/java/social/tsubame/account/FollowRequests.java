package social.tsubame.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FollowRequests extends JpaRepository<FollowRequest, Long> {

    @Query("SELECT r FROM FollowRequest r WHERE r.followerId = ?1 AND r.targetId = ?2")
    Optional<FollowRequest> findPair(long followerId, long targetId);
}
