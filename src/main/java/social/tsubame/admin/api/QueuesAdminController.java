package social.tsubame.admin.api;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueControls;
import social.tsubame.queue.QueueName;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * The job queues for operators: their state, pausing and resuming, and the dead letters. Queue names are written
 * as operators see them ({@code ingress:low}) or with a dash ({@code ingress-low}).
 */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/queues")
class QueuesAdminController {

    private static final int MAX_DEAD_LETTERS = 200;

    private final JobStreams streams;
    private final QueueControls controls;
    private final ServerAdmins admins;

    QueuesAdminController(JobStreams streams, QueueControls controls, ServerAdmins admins) {
        this.streams = streams;
        this.controls = controls;
        this.admins = admins;
    }

    @GetMapping
    @RequiresScope("admin:read")
    List<AdminQueue> list(Caller caller) {
        admins.require(caller);
        return Arrays.stream(QueueName.values()).map(streams::snapshot).map(AdminQueue::of).toList();
    }

    @GetMapping("/{queue}")
    @RequiresScope("admin:read")
    AdminQueue show(@PathVariable String queue, Caller caller) {
        admins.require(caller);
        return AdminQueue.of(streams.snapshot(queueNamed(queue)));
    }

    @PostMapping("/{queue}/pause")
    @RequiresScope("admin:write")
    AdminQueue pause(@PathVariable String queue, Caller caller) {
        admins.require(caller);
        QueueName name = queueNamed(queue);
        controls.pause(name);
        return AdminQueue.of(streams.snapshot(name));
    }

    @PostMapping("/{queue}/resume")
    @RequiresScope("admin:write")
    AdminQueue resume(@PathVariable String queue, Caller caller) {
        admins.require(caller);
        QueueName name = queueNamed(queue);
        controls.resume(name);
        return AdminQueue.of(streams.snapshot(name));
    }

    @GetMapping("/{queue}/dead_letters")
    @RequiresScope("admin:read")
    List<AdminDeadLetter> deadLetters(@PathVariable String queue,
                                      @RequestParam(defaultValue = "50") int limit, Caller caller) {
        admins.require(caller);
        int bounded = Math.clamp(limit, 1, MAX_DEAD_LETTERS);
        return streams.deadLetters(queueNamed(queue), bounded).stream().map(AdminDeadLetter::of).toList();
    }

    @GetMapping("/{queue}/dead_letters/{id}")
    @RequiresScope("admin:read")
    AdminDeadLetter deadLetter(@PathVariable String queue, @PathVariable String id, Caller caller) {
        admins.require(caller);
        return streams.deadLetter(queueNamed(queue), id).map(AdminDeadLetter::of)
                .orElseThrow(ApiException::notFound);
    }

    @PostMapping("/{queue}/dead_letters/{id}/replay")
    @RequiresScope("admin:write")
    AdminQueue replay(@PathVariable String queue, @PathVariable String id, Caller caller) {
        admins.require(caller);
        QueueName name = queueNamed(queue);
        if (!streams.replay(name, id)) {
            throw ApiException.notFound();
        }
        return AdminQueue.of(streams.snapshot(name));
    }

    private static QueueName queueNamed(String name) {
        try {
            return QueueName.of(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }
}
