package social.tsubame.oauth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import social.tsubame.web.auth.AnyOriginCors;

/**
 * Everything outside the client API and the OAuth endpoints: open to all (federation, public pages, health, the web
 * client's shell), except the consent and password pages, which need a user signed in through the session-backed
 * sign-in form. Only the forms a browser posts with its session cookie need CSRF protection; inboxes are protected
 * by HTTP signatures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SignInSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, RevokeTokenOnSignOut revokeToken) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(AuthorizationServerSecurity.CONSENT_PAGE, PasswordPages.PASSWORD_PAGE)
                        .authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage(AuthorizationServerSecurity.SIGN_IN_PAGE).permitAll()
                        // signed in without an app waiting (say, after signing out): on into the web client
                        .defaultSuccessUrl(WebClientApplication.SIGN_IN_PATH))
                // preflight requests of browser apps land here, as the token endpoints only match their POST
                .cors(cors -> cors.configurationSource(AnyOriginCors.source()))
                .logout(logout -> logout.logoutUrl("/auth/sign_out").addLogoutHandler(revokeToken))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !HttpMethod.GET.matches(request.getMethod())
                        && paths.matcher("/auth/**").matches(request)))
                // federation documents and media set their own caching
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }
}
