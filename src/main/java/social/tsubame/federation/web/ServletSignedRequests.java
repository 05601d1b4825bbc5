package social.tsubame.federation.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.signature.HeaderFields;
import social.tsubame.federation.signature.IncomingRequest;

/** A servlet request as the signature verifier sees it. */
final class ServletSignedRequests {

    private ServletSignedRequests() {
    }

    /**
     * The target is ours as the public sees it (behind any proxy) with the path the sender asked for: the URI it
     * signed.
     */
    static IncomingRequest of(HttpServletRequest request, ServerIdentity identity, byte[] body) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        URI target = URI.create(identity.baseUrl() + request.getRequestURI() + query);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            fields.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return new IncomingRequest(request.getMethod(), target, new HeaderFields(fields), body);
    }
}
