package social.tsubame.moderation;

import java.util.List;
import java.util.Set;

import social.tsubame.core.ApiException;
import social.tsubame.instance.ServerRules;

/** Mastodon's report categories, and the rule ids that go with {@code violation}. */
final class ReportCategories {

    static final String VIOLATION = "violation";
    private static final Set<String> ALL = Set.of("spam", "legal", VIOLATION, "other");

    private ReportCategories() {
    }

    /** @throws ApiException 422 for a category Mastodon does not know */
    static String valid(String category) {
        if (!ALL.contains(category)) {
            throw ApiException.unprocessable("Validation failed: category must be one of spam, legal, violation, "
                    + "other");
        }
        return category;
    }

    /** The rules a report of this category names: those given for a violation, none otherwise. */
    static List<Long> rulesFor(String category, List<Long> ruleIds, ServerRules rules) {
        if (!VIOLATION.equals(category)) {
            return List.of();
        }
        Set<Long> known = Set.copyOf(rules.all().stream().map(ServerRules.Rule::id).toList());
        if (!known.containsAll(ruleIds)) {
            throw ApiException.unprocessable("Validation failed: rule_ids must be rules of this server");
        }
        return ruleIds.stream().distinct().sorted().toList();
    }
}
