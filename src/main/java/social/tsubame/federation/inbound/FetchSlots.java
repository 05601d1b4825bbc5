package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits fetches in flight to one server, in this process: a slow server, or one that makes us fetch from itself on
 * purpose, ties up a few workers, never all of them. A fetch that finds no free slot fails like a network error and
 * is tried again later.
 */
@Component
class FetchSlots {

    /** A fetch that did not start because its server already has all its slots. */
    static class ServerBusyException extends IOException {
        ServerBusyException(String domain) {
            super(domain + " has all its fetch slots busy");
        }
    }

    @FunctionalInterface
    interface Fetch<T, E extends Exception> {
        T run() throws E;
    }

    private final int perDomain;
    private final ConcurrentHashMap<String, Semaphore> slots = new ConcurrentHashMap<>();

    FetchSlots(@Value("${tsubame.federation.fetches-per-domain:4}") int perDomain) {
        this.perDomain = perDomain;
    }

    <T, E extends Exception> T run(String domain, Fetch<T, E> fetch) throws E, ServerBusyException {
        Semaphore semaphore = slots.computeIfAbsent(domain, d -> new Semaphore(perDomain));
        if (!semaphore.tryAcquire()) {
            throw new ServerBusyException(domain);
        }
        try {
            return fetch.run();
        } finally {
            semaphore.release();
        }
    }
}
