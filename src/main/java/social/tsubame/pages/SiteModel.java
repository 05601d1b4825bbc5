package social.tsubame.pages;

import org.springframework.stereotype.Component;

import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.InstanceSettings;

/** What every page shows of the server itself: its name and address, for the header and the link previews. */
@Component
class SiteModel {

    record Site(String name, String domain, String baseUrl) {
    }

    private final Site site;

    SiteModel(ServerIdentity identity, InstanceSettings settings) {
        this.site = new Site(settings.titleOr(identity.localDomain()), identity.localDomain(), identity.baseUrl());
    }

    Site site() {
        return site;
    }
}
