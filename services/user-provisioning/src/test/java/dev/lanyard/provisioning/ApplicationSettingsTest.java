package dev.lanyard.provisioning;

import dev.lanyard.testing.settings.ServiceDefaultsContract;

class ApplicationSettingsTest extends ServiceDefaultsContract {

	ApplicationSettingsTest() {
		super(8084, "user_provisioning");
	}

}
