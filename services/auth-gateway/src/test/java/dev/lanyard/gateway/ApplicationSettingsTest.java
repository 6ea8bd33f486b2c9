package dev.lanyard.gateway;

import dev.lanyard.testing.settings.ServiceDefaultsContract;

class ApplicationSettingsTest extends ServiceDefaultsContract {

	ApplicationSettingsTest() {
		super(8080, "auth_gateway");
	}

}
