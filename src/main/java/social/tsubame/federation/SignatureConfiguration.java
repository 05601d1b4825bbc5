package social.tsubame.federation;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import social.tsubame.federation.signature.SignatureVerifier;

@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {

    /** How far a signature's time may stray from ours, either way: {@code tsubame.federation.signature-skew}. */
    @Bean
    SignatureVerifier signatureVerifier(Clock clock,
                                        @Value("${tsubame.federation.signature-skew:5m}") Duration skew) {
        return new SignatureVerifier(skew, clock);
    }
}
