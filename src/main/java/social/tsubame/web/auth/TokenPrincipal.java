package social.tsubame.web.auth;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** A checked bearer token as Spring Security carries it through a request. */
record TokenPrincipal(ApiToken token) implements OAuth2AuthenticatedPrincipal {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("application_id", token.applicationId());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return token.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
    }

    @Override
    public String getName() {
        return token.caller().map(caller -> Long.toString(caller.userId()))
                .orElse("app:" + token.applicationId());
    }
}
