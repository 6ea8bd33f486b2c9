-- What V1 left out: a description for templates and integrations, and the scopes that make
-- a provider issue refresh tokens (added to a viewer integration's default scopes).
ALTER TABLE integration_template ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE integration_template ADD COLUMN refresh_scopes text[] NOT NULL DEFAULT '{}';
ALTER TABLE integration ADD COLUMN description text NOT NULL DEFAULT '';

-- The templates Lanyard ships. A pattern that is one placeholder alone ({tokenEndpoint})
-- takes any URL; other placeholders ({tenant}, {account}, {workspace}, {domain}) take a
-- host name or id and can be given as parameters instead of the whole endpoint.
INSERT INTO integration_template (id, name, description, authorization_endpoint_pattern, token_endpoint_pattern,
                                  default_scopes, refresh_scopes, supports_viewer, supports_service_account,
                                  created_at, updated_at)
VALUES
  ('custom', 'Custom OAuth 2.0 provider',
   'Any OAuth 2.0 authorization server: give its authorization and token endpoints.',
   '{authorizationEndpoint}', '{tokenEndpoint}', '{}', '{}', true, true, now(), now()),
  ('databricks', 'Databricks',
   'Databricks workspace OAuth (U2M for viewers, M2M with a service principal). workspace is the workspace host, e.g. dbc-a1b2345c-d6e7.cloud.databricks.com.',
   'https://{workspace}/oidc/v1/authorize', 'https://{workspace}/oidc/v1/token',
   '{all-apis}', '{offline_access}', true, true, now(), now()),
  ('snowflake', 'Snowflake',
   'Snowflake OAuth security integration (authorization code). account is the account identifier, e.g. myorg-myaccount.',
   'https://{account}.snowflakecomputing.com/oauth/authorize',
   'https://{account}.snowflakecomputing.com/oauth/token-request',
   '{}', '{refresh_token}', true, false, now(), now()),
  ('salesforce', 'Salesforce',
   'Salesforce connected app. domain is the My Domain host (e.g. acme.my.salesforce.com), login.salesforce.com or test.salesforce.com.',
   'https://{domain}/services/oauth2/authorize', 'https://{domain}/services/oauth2/token',
   '{api}', '{refresh_token}', true, true, now(), now()),
  ('microsoft-entra', 'Microsoft Entra ID / Azure',
   'Microsoft identity platform v2.0 for Azure resources. tenant is the tenant id or domain, e.g. contoso.onmicrosoft.com.',
   'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
   'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
   '{https://management.azure.com/.default}', '{offline_access}', true, true, now(), now()),
  ('microsoft-graph', 'Microsoft Graph',
   'Microsoft Graph through the Microsoft identity platform v2.0. tenant is the tenant id or domain.',
   'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
   'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
   '{https://graph.microsoft.com/.default}', '{offline_access}', true, true, now(), now()),
  ('github', 'GitHub',
   'A GitHub OAuth app acting as the viewer (OAuth apps have no client-credentials grant).',
   'https://github.com/login/oauth/authorize', 'https://github.com/login/oauth/access_token',
   '{read:user,repo}', '{}', true, false, now(), now()),
  ('google', 'Google',
   'A Google Cloud OAuth client acting as the viewer (Google service accounts use signed JWTs, not client credentials).',
   'https://accounts.google.com/o/oauth2/v2/auth', 'https://oauth2.googleapis.com/token',
   '{openid,email,https://www.googleapis.com/auth/cloud-platform}', '{}', true, false, now(), now());
