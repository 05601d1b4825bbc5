package social.tsubame.federation.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;

/** host-meta (RFC 6415), which older software reads to find the WebFinger endpoint. */
@RestController
@Profile(Roles.FEDERATION)
class HostMetaController {

    private final Uris uris;

    HostMetaController(Uris uris) {
        this.uris = uris;
    }

    private String template() {
        return uris.base() + "/.well-known/webfinger?resource={uri}";
    }

    @GetMapping("/.well-known/host-meta")
    ResponseEntity<String> xml() {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
                  <Link rel="lrdd" template="%s"/>
                </XRD>
                """.formatted(template().replace("&", "&amp;"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xrd+xml")).body(body);
    }

    @GetMapping("/.well-known/host-meta.json")
    ResponseEntity<Map<String, Object>> json() {
        return ResponseEntity.ok().contentType(WebFingerController.JRD)
                .body(Map.of("links", List.of(Map.of("rel", "lrdd", "template", template()))));
    }
}
