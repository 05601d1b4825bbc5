package social.tsubame.web.auth;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import social.tsubame.core.ApiException;

/** Refuses a request whose token lacks the scope its endpoint declares with {@link RequiresScope}. */
class ScopeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresScope required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresScope.class);
        if (required == null) {
            required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresScope.class);
        }
        if (required == null) {
            return true;
        }
        String[] scopes = required.value();
        CallerArgumentResolver.currentToken().ifPresent(token -> {
            if (Arrays.stream(scopes).noneMatch(token::allows)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "This action is outside the authorized scopes");
            }
        });
        return true;
    }
}
