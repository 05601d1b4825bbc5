package social.tsubame.web.auth;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import social.tsubame.core.ApiException;

/**
 * Gives controller methods the {@link Caller} ({@code Optional<Caller>} where signing in is optional) or, for app
 * endpoints, the {@link ApiToken} itself.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Caller.class || type == ApiToken.class
                || type == Optional.class && parameter.nested().getNestedParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        Optional<ApiToken> token = currentToken();
        Class<?> type = parameter.getParameterType();
        if (type == Optional.class) {
            return token.flatMap(ApiToken::caller);
        }
        ApiToken presented = token.orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "The access token is invalid"));
        if (type == ApiToken.class) {
            return presented;
        }
        return presented.caller().orElseThrow(() ->
                ApiException.unprocessable("This method requires an authenticated user"));
    }

    static Optional<ApiToken> currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal principal
                ? Optional.of(principal.token()) : Optional.empty();
    }
}
