package social.tsubame.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles in the lower-case words the schema's CHECK constraint allows. */
@Converter(autoApply = true)
class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.dbValue();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.of(value);
    }
}
