package dev.lanyard.provisioning.scim.adapter.web;

import dev.lanyard.provisioning.scim.ScimError;
import dev.lanyard.provisioning.scim.ScimException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever else reaches {@code /scim/v2} (an unknown endpoint such as {@code /Bulk}, or a
 * method an endpoint does not have) is answered as a SCIM error too, not as the admin
 * API's problem details. More specific mappings win.
 */
@RestController
public final class ScimFallbackController {

	@RequestMapping("/scim/v2/**")
	public void unknown(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.endsWith("/Bulk")) {
			throw new ScimException(new ScimError(501, null, "Bulk operations are not supported"));
		}
		throw ScimException.notFound("No SCIM endpoint answers " + request.getMethod() + " " + path);
	}

}
