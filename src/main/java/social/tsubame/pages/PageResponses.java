package social.tsubame.pages;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every public page sends besides itself: the server for the layout, and headers. The pages run no script, and
 * posts carry HTML from other servers (sanitized when stored), so the content security policy allows none at all,
 * nor framing; {@code Vary: Accept} because the same addresses answer ActivityPub JSON.
 */
@ControllerAdvice(basePackageClasses = PageResponses.class)
class PageResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src * data:; media-src *; "
            + "style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final SiteModel site;

    PageResponses(SiteModel site) {
        this.site = site;
    }

    @ModelAttribute("site")
    SiteModel.Site site(HttpServletResponse response) {
        applyHeaders(response);
        return site.site();
    }

    static void applyHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Vary", "Accept");
    }
}
