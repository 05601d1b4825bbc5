package social.tsubame.pages;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import social.tsubame.core.ApiException;

/**
 * Failures of public pages answer as pages, not as the API's JSON: ahead of the API's handler, which covers every
 * other controller.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Log log = LogFactory.getLog(PageErrors.class);

    private final SiteModel site;

    PageErrors(SiteModel site) {
        this.site = site;
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, HttpStatus.NOT_FOUND, "Nothing here",
                "This page does not exist, or is not public.");
    }

    @ExceptionHandler(AccountSuspended.class)
    ModelAndView suspended(HttpServletResponse response) {
        return page(response, HttpStatus.GONE, "Account suspended",
                "This account has been suspended by the moderators of this server.");
    }

    /** For instance a {@code max_id} that is no id. */
    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletResponse response) {
        return page(response, e.status(), e.status().getReasonPhrase(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Page failed", e);
        return page(response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "This page could not be shown. Please try again later.");
    }

    private ModelAndView page(HttpServletResponse response, HttpStatus status, String title, String message) {
        PageResponses.applyHeaders(response);
        ModelAndView page = new ModelAndView("pages/error", status);
        page.addObject("site", site.site());
        page.addObject("title", title);
        page.addObject("message", message);
        return page;
    }
}
