package io.retort.examples.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON in and out, strict on the way in: a body is refused with a 400 naming the problem when it is not JSON,
 * has a field the type does not declare, a value of the wrong type ({@code "age": "42"}, {@code "age": 4.5}),
 * a number out of range for its field, or anything after the object. Jackson's defaults would quietly coerce or
 * drop most of these.
 */
final class JsonCodec {
    private final ObjectMapper mapper;

    JsonCodec() {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        // no "42" for a number, no 42 or true for a string
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = m;
    }

    /**
     * @param json a request body
     * @param type the record it must be
     * @param <T>  that type
     * @return the value
     * @throws ApiException (400) for an empty body, malformed JSON, an unknown field or a value of the wrong type
     */
    <T> T read(byte[] json, Class<T> type) {
        if (json.length == 0) {
            throw new ApiException(400, "missing_body", "send a JSON object with Content-Type: application/json");
        }
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("field", path(e));
            detail.put("known", new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()));
            throw new ApiException(400, "unknown_field", detail);
        } catch (JsonMappingException e) {
            throw ApiException.invalid(path(e), reason(e));
        } catch (StreamReadException e) {
            throw new ApiException(400, "malformed_json", firstLine(e.getOriginalMessage()) + at(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw new ApiException(400, "missing_body", "send a JSON object, not null");
        }
        return value;
    }

    /**
     * @param value a record, list or map
     * @return its JSON
     */
    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @return the field a mapping error is about, as {@code addresses[0].city}; {@code (body)} for the whole body */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    /** Jackson's own messages name Java types; a client wants to know what JSON to send. */
    private static String reason(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "must be one JSON object, with nothing after it";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> target = m.getTargetType();
            if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
                return "must be a whole number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (Collection.class.isAssignableFrom(target)) {
                return "must be an array";
            }
            if (Record.class.isAssignableFrom(target)) {
                return "must be an object";
            }
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's messages go on with hints naming Java classes: the first line is what a client can use. */
    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        List<String> lines = message.lines().toList();
        return lines.isEmpty() ? message : lines.get(0);
    }
}
