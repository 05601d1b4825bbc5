package social.tsubame.status;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class VisibilityConverter implements AttributeConverter<Visibility, String> {

    @Override
    public String convertToDatabaseColumn(Visibility visibility) {
        return visibility == null ? null : visibility.apiValue();
    }

    @Override
    public Visibility convertToEntityAttribute(String value) {
        return value == null ? null : Visibility.of(value);
    }
}
