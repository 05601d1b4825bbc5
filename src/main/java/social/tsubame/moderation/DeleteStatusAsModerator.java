package social.tsubame.moderation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;

/** A moderator deletes someone's status as its author would, so other servers are told the same way. */
@Service
public class DeleteStatusAsModerator {

    private final Statuses statuses;
    private final DeleteStatus deleteStatus;
    private final AuditLog auditLog;

    DeleteStatusAsModerator(Statuses statuses, DeleteStatus deleteStatus, AuditLog auditLog) {
        this.statuses = statuses;
        this.deleteStatus = deleteStatus;
        this.auditLog = auditLog;
    }

    @Transactional
    public void delete(Long moderatorId, long statusId) {
        Status status = statuses.findById(statusId).filter(found -> !found.isDeleted())
                .orElseThrow(ApiException::notFound);
        deleteStatus.delete(status.id(), status.accountId());
        auditLog.record(moderatorId, "destroy_status", "Status", String.valueOf(status.id()), status.uri());
    }
}
