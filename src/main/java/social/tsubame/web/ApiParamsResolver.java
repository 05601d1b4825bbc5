package social.tsubame.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import social.tsubame.core.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@link ApiParams} parameters; input that does not fit the record is a 422, not a stack trace. */
class ApiParamsResolver implements HandlerMethodArgumentResolver {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .build();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ApiParams.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        ObjectNode params = fromQueryAndForm(request.getParameterMap());
        if (isJson(request)) {
            try (InputStream body = request.getInputStream()) {
                JsonNode json = mapper.readTree(body);
                if (json != null && json.isObject()) {
                    params.setAll((ObjectNode) json);
                } else if (json != null && !json.isMissingNode()) {
                    throw ApiException.unprocessable("The request body must be a JSON object");
                }
            } catch (JacksonException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST,
                        "The request body is not valid JSON");
            }
        }
        try {
            return mapper.treeToValue(params, parameter.getParameterType());
        } catch (JacksonException e) {
            String field = e.getPathReference() == null ? "" : e.getPathReference().replaceAll(".*\\[\"|\"\\]", "");
            throw ApiException.unprocessable("Validation failed: " + (field.isEmpty() ? "invalid parameters"
                    : field + " is invalid"));
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code a[b][]=1&a[b][]=2&c=3} becomes {@code {"a": {"b": ["1", "2"]}, "c": "3"}}. */
    static ObjectNode fromQueryAndForm(Map<String, String[]> parameters) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        parameters.forEach((name, values) -> put(root, name, values));
        root.propertyNames().forEach(name -> root.set(name, numberedObjectsToArrays(root.get(name))));
        return root;
    }

    private static void put(ObjectNode root, String name, String[] values) {
        int bracket = name.indexOf('[');
        String head = bracket < 0 ? name : name.substring(0, bracket);
        if (head.isEmpty()) {
            return;
        }
        ObjectNode parent = root;
        String key = head;
        String rest = bracket < 0 ? "" : name.substring(bracket);
        while (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return;
            }
            String next = rest.substring(1, close);
            rest = rest.substring(close + 1);
            if (next.isEmpty()) {
                ArrayNode array = parent.has(key) && parent.get(key).isArray() ? (ArrayNode) parent.get(key)
                        : parent.putArray(key);
                for (String value : values) {
                    array.add(value);
                }
                return;
            }
            parent = parent.has(key) && parent.get(key).isObject() ? (ObjectNode) parent.get(key)
                    : parent.putObject(key);
            key = next;
        }
        parent.put(key, values.length == 0 ? "" : values[values.length - 1]);
    }

    /** Rails reads {@code x[0][name]} as a hash keyed by position; records want a list in that order. */
    private static JsonNode numberedObjectsToArrays(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        boolean numbered = !object.isEmpty();
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            object.set(name, numberedObjectsToArrays(object.get(name)));
            numbered &= name.matches("\\d{1,4}");
        }
        if (!numbered) {
            return object;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        object.properties().stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())))
                .forEach(entry -> array.add(entry.getValue()));
        return array;
    }
}
