package social.tsubame.timeline;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class RepliesPolicyConverter implements AttributeConverter<RepliesPolicy, String> {

    @Override
    public String convertToDatabaseColumn(RepliesPolicy policy) {
        return policy == null ? null : policy.apiValue();
    }

    @Override
    public RepliesPolicy convertToEntityAttribute(String value) {
        return value == null ? null : RepliesPolicy.of(value);
    }
}
