package social.tsubame.status;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Statuses extends JpaRepository<Status, Long> {

    Optional<Status> findByUri(String uri);

    @Query("SELECT s FROM Status s WHERE s.id IN ?1 AND s.deletedAt IS NULL ORDER BY s.id DESC")
    List<Status> findLiveByIds(List<Long> ids);
}
