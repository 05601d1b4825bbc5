package social.tsubame.oauth;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An authorization or client-credentials request that names no scope gets Mastodon's default, {@code read}, where
 * the authorization server would otherwise grant nothing.
 */
class DefaultScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        chain.doFilter(scope == null || scope.isBlank() ? withDefaultScopeIfAsking(request) : request, response);
    }

    private static HttpServletRequest withDefaultScopeIfAsking(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean authorizing = path.equals("/oauth/authorize") && request.getParameter("response_type") != null;
        boolean clientCredentials = path.equals("/oauth/token") && AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        return authorizing || clientCredentials ? new WithScope(request) : request;
    }

    private static final class WithScope extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithScope(HttpServletRequest request) {
            super(request);
            Map<String, String[]> copy = new HashMap<>(request.getParameterMap());
            copy.put(OAuth2ParameterNames.SCOPE, new String[] {Scopes.DEFAULT});
            this.parameters = Collections.unmodifiableMap(copy);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
