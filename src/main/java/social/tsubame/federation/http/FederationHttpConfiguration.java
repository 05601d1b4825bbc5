package social.tsubame.federation.http;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.SoftwareVersion;

@Configuration(proxyBeanMethods = false)
class FederationHttpConfiguration {

    @Bean
    FederationHttpClient federationHttpClient(
            FederationHttpProperties properties, ServerIdentity identity, SoftwareVersion version,
            @Value("${tsubame.federation.allowed-private-addresses:}") String allowedPrivateAddresses) {
        var resolver = new GuardedDnsResolver(AddressPolicy.allowing(allowedPrivateAddresses),
                SystemDefaultDnsResolver.INSTANCE);
        return new FederationHttpClient(properties, resolver, userAgent(identity, version));
    }

    /** Names the software and the server, so that a remote admin reading their logs knows whom to ask. */
    static String userAgent(ServerIdentity identity, SoftwareVersion version) {
        return "Tsubame/" + version.version() + " (+" + identity.baseUrl() + ")";
    }
}
