package social.tsubame.federation.signature;

import java.util.function.Function;

import social.tsubame.federation.signature.StructuredFields.InnerList;
import social.tsubame.federation.signature.StructuredFields.Item;

/**
 * What an RFC 9421 signature signs (§2.5): a line {@code "identifier": value} per covered component, in the order
 * the signature parameters list them, then the {@code "@signature-params"} line holding those parameters.
 */
final class SignatureBase {

    private SignatureBase() {
    }

    /**
     * @param signatureParams the signature's entry in {@code Signature-Input}: the covered components and parameters
     * @param valueOf         a component's value by its name; throws {@link IllegalArgumentException} for one the
     *                        message cannot supply
     */
    static String of(InnerList signatureParams, Function<String, String> valueOf) {
        StringBuilder base = new StringBuilder();
        for (Item component : signatureParams.items()) {
            String value = valueOf.apply((String) component.value());
            if (value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("the value of " + component.value() + " spans lines");
            }
            base.append(StructuredFields.serialize(component)).append(": ").append(value).append('\n');
        }
        return base.append("\"@signature-params\": ").append(StructuredFields.serialize(signatureParams)).toString();
    }
}
