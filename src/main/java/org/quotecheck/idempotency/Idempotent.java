package org.quotecheck.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API method that creates something and may be retried safely with an {@code Idempotency-Key} header: the first
 * answer is kept for 24 hours (in PostgreSQL, so every instance knows it) and a retry with the same key and body
 * gets it again instead of creating a second record.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
