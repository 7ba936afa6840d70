package io.retort.examples.web;

/**
 * The JSON body of every error answer: a stable code for programs and a detail for people (a sentence, or the
 * field and the reason for a 400).
 *
 * @param error  a short code: {@code malformed_json}, {@code unknown_field}, {@code invalid_value},
 *               {@code not_found}, {@code version_conflict}, {@code duplicate}, {@code internal}
 * @param detail what went wrong
 */
record ErrorBody(String error, Object detail) {
}
