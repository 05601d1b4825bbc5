package social.tsubame.web.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import social.tsubame.web.ApiError;
import tools.jackson.databind.json.JsonMapper;

/** Mastodon's error body written by a security filter, before any controller advice could. */
final class ApiErrors {

    private ApiErrors() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JsonMapper.shared().writeValue(response.getOutputStream(), new ApiError(message));
    }
}
