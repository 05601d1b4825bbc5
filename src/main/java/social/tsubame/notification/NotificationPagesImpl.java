package social.tsubame.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** Builds the page query from the filters the caller gave; the rest of {@link Notifications} is Spring Data's. */
class NotificationPagesImpl implements NotificationPages {

    private final EntityManager entities;

    NotificationPagesImpl(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public List<Notification> page(long recipientId, NotificationQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT n FROM Notification n WHERE n.recipientId = :recipient");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("recipient", recipientId);
        if (query.maxId() != null) {
            jpql.append(" AND n.id < :maxId");
            parameters.put("maxId", query.maxId());
        }
        // With min_id the page starts just above it and climbs, so the nearest come first; Mastodon does the same.
        boolean upward = query.minId() != null;
        Long lowerBound = upward ? query.minId() : query.sinceId();
        if (lowerBound != null) {
            jpql.append(" AND n.id > :lowerBound");
            parameters.put("lowerBound", lowerBound);
        }
        if (!query.types().isEmpty()) {
            jpql.append(" AND n.type IN :types");
            parameters.put("types", query.types());
        }
        if (!query.excludeTypes().isEmpty()) {
            jpql.append(" AND n.type NOT IN :excludeTypes");
            parameters.put("excludeTypes", query.excludeTypes());
        }
        if (query.fromAccountId() != null) {
            jpql.append(" AND n.fromAccountId = :from");
            parameters.put("from", query.fromAccountId());
        }
        jpql.append(upward ? " ORDER BY n.id ASC" : " ORDER BY n.id DESC");
        TypedQuery<Notification> typed = entities.createQuery(jpql.toString(), Notification.class)
                .setMaxResults(query.limit());
        parameters.forEach(typed::setParameter);
        List<Notification> page = typed.getResultList();
        return upward ? page.reversed() : page;
    }
}
