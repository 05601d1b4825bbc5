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

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's token endpoints as apps use them: a JSON body is read like form fields (masto.js sends JSON), and an
 * authorization or client-credentials request that names no scope gets Mastodon's default, {@code read}, where the
 * authorization server would otherwise grant nothing.
 */
class TokenRequestParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        if (isJson(request)) {
            readJsonBody(request, parameters);
        }
        if (asksWithoutScope(request, parameters)) {
            parameters.put(OAuth2ParameterNames.SCOPE, new String[] {Scopes.DEFAULT});
        }
        chain.doFilter(parameters.equals(request.getParameterMap()) ? request
                : new WithParameters(request, parameters), response);
    }

    private static boolean isJson(HttpServletRequest request) {
        try {
            return request.getContentType() != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Top-level string, number and boolean fields become parameters; a body that is no JSON object adds nothing. */
    private static void readJsonBody(HttpServletRequest request, Map<String, String[]> parameters) throws IOException {
        try {
            JsonNode body = JsonMapper.shared().readTree(request.getInputStream());
            if (body != null && body.isObject()) {
                body.properties().forEach(field -> {
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        parameters.putIfAbsent(field.getKey(), new String[] {field.getValue().asString()});
                    }
                });
            }
        } catch (JacksonException e) {
            // the authorization server answers the missing parameters with its own error
        }
    }

    private static boolean asksWithoutScope(HttpServletRequest request, Map<String, String[]> parameters) {
        String[] scope = parameters.get(OAuth2ParameterNames.SCOPE);
        if (scope != null && scope.length > 0 && !scope[0].isBlank()) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] grantType = parameters.get(OAuth2ParameterNames.GRANT_TYPE);
        boolean authorizing = path.equals("/oauth/authorize") && parameters.containsKey("response_type");
        boolean clientCredentials = path.equals("/oauth/token") && grantType != null
                && AuthorizationGrantType.CLIENT_CREDENTIALS.getValue().equals(grantType[0]);
        return authorizing || clientCredentials;
    }

    private static final class WithParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithParameters(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
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
