package social.tsubame.federation.outbound;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits deliveries in flight to one server, in this process, so that a slow or silent server holds a few delivery
 * slots, never all of them.
 */
@Component
class DomainConcurrency {

    private final int perDomain;
    private final ConcurrentHashMap<String, Semaphore> slots = new ConcurrentHashMap<>();

    DomainConcurrency(@Value("${tsubame.federation.deliveries-per-domain:4}") int perDomain) {
        this.perDomain = perDomain;
    }

    /** Takes a slot for the domain if one is free; the caller releases it. */
    boolean tryAcquire(String domain) {
        return slots.computeIfAbsent(domain, d -> new Semaphore(perDomain)).tryAcquire();
    }

    void release(String domain) {
        slots.get(domain).release();
    }
}
