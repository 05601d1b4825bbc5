package social.tsubame.core;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns ({@link TimeOrderedIds}). Without telling Spring Data which entities are
 * new, every save of one would first look for it in the database; entities made by their constructors are new, those
 * read from the database are not.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<Long> {

    @Transient
    private boolean fresh;

    /** Marks an entity created by application code, not loaded by JPA. */
    protected void markNew() {
        fresh = true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}
