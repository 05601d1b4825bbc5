package social.tsubame.api.search;

import java.util.List;

import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiStatus;

/** What {@code GET /api/v2/search} answers: each list is empty when its type was not searched. */
record ApiSearchResults(List<ApiAccount> accounts, List<ApiStatus> statuses, List<ApiTag> hashtags) {

    static final ApiSearchResults NONE = new ApiSearchResults(List.of(), List.of(), List.of());
}
