package io.retort.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A complete HTTP answer as a test sees it.
 *
 * @param status  the status code
 * @param headers the headers
 * @param body    the body as text, empty when there was none
 */
record HttpReply(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the body as a JSON tree */
    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
