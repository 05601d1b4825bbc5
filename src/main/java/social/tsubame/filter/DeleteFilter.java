package social.tsubame.filter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A local account drops one of its filters, with its keywords and statuses. */
@Service
public class DeleteFilter {

    private final CustomFilters filters;

    public DeleteFilter(CustomFilters filters) {
        this.filters = filters;
    }

    @Transactional
    public void delete(long accountId, long filterId) {
        filters.findOwned(filterId, accountId).orElseThrow(ApiException::notFound);
        filters.delete(filterId);
    }
}
