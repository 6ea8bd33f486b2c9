package dev.lanyard.gateway.web;

/**
 * Marks an {@link org.springframework.web.ErrorResponse} whose detail was written for the
 * caller (and holds no request data), so the problem details show it as it is instead of
 * the generic text for its status.
 */
public interface ExposedDetail {

}
