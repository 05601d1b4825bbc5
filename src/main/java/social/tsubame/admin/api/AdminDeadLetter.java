package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.queue.DeadLetter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A job that gave up, with what it carried and why it failed last. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminDeadLetter(String id, String queue, String type, int attempts, String lastError, String enqueuedAt,
                       String diedAt, String payload) {

    static AdminDeadLetter of(DeadLetter letter) {
        return new AdminDeadLetter(letter.id(), letter.job().queue().queueName(), letter.job().type(),
                letter.job().attempt(), letter.job().lastError(), ApiDates.format(letter.job().enqueuedAt()),
                ApiDates.format(letter.diedAt()), letter.job().payload());
    }
}
