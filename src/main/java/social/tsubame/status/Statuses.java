package social.tsubame.status;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Statuses extends JpaRepository<Status, Long> {

    Optional<Status> findByUri(String uri);
}
