-- Issue 15. Two federation kinds (a trusted issuer's JWTs become a Lanyard user's or one
-- content item's token) and viewer integrations whose credential is delegated at the
-- provider instead of connected once per user.

-- Federation templates: their token_endpoint_pattern is the issuer's pattern.
ALTER TABLE integration_template ADD COLUMN supports_oidc_federation boolean NOT NULL DEFAULT false;
ALTER TABLE integration_template ADD COLUMN supports_workload_federation boolean NOT NULL DEFAULT false;
ALTER TABLE integration_template DROP CONSTRAINT integration_template_supports_a_kind;
ALTER TABLE integration_template ADD CONSTRAINT integration_template_supports_a_kind
    CHECK (supports_viewer OR supports_service_account OR supports_oidc_federation OR supports_workload_federation);
ALTER TABLE integration_template ADD CONSTRAINT integration_template_federation_alone
    CHECK (NOT (supports_oidc_federation OR supports_workload_federation)
           OR NOT (supports_viewer OR supports_service_account));

-- A federation integration stores its issuer in token_endpoint, '' as client_id, no
-- secret (secret_version 0) and its trust rule (public keys at most) in federation.
ALTER TABLE integration DROP CONSTRAINT integration_kind_check;
ALTER TABLE integration ALTER COLUMN kind TYPE varchar(32);
ALTER TABLE integration ADD CONSTRAINT integration_kind_check
    CHECK (kind IN ('viewer', 'service-account', 'oidc-federation', 'workload-federation'));
ALTER TABLE integration ADD COLUMN delegation varchar(32)
    CHECK (delegation IN ('token-exchange', 'jwt-bearer-obo'));
ALTER TABLE integration ADD COLUMN federation jsonb;
ALTER TABLE integration DROP CONSTRAINT integration_viewer_needs_authorization_endpoint;
ALTER TABLE integration ADD CONSTRAINT integration_viewer_needs_authorization_endpoint
    CHECK (kind <> 'viewer' OR delegation IS NOT NULL OR authorization_endpoint IS NOT NULL);
ALTER TABLE integration ADD CONSTRAINT integration_delegation_only_viewer
    CHECK (delegation IS NULL OR kind = 'viewer');
ALTER TABLE integration ADD CONSTRAINT integration_federation_only_federation_kinds
    CHECK ((federation IS NOT NULL) = (kind IN ('oidc-federation', 'workload-federation')));
ALTER TABLE integration ADD CONSTRAINT integration_federation_without_secret
    CHECK (kind NOT IN ('oidc-federation', 'workload-federation') OR client_secret_ciphertext IS NULL);

INSERT INTO integration_template (id, name, description, authorization_endpoint_pattern, token_endpoint_pattern,
                                  default_scopes, refresh_scopes, supports_viewer, supports_service_account,
                                  supports_oidc_federation, supports_workload_federation, created_at, updated_at)
VALUES
  ('oidc-federation', 'OpenID Connect federation',
   'Any OpenID Connect issuer: its ID tokens become the matched Lanyard user''s token (oidc-federation), or its'
   || ' workload tokens one content item''s (workload-federation). Give federation.issuer exactly as the tokens'
   || ' carry it in iss; keys are discovered unless federation.jwksUri or federation.staticJwks is given.',
   NULL, '{issuer}', '{}', '{}', false, false, true, true, now(), now()),
  ('github-actions', 'GitHub Actions',
   'GitHub Actions OIDC tokens of a workflow job become one content item''s token. Signed RS256. Restrict by'
   || ' subject, e.g. an exact rule repo:{owner}/{repo}:ref:refs/heads/main, or by required claims such as'
   || ' repository and ref; the audience is the one the workflow asks for (core.getIDToken(audience)).',
   NULL, 'https://token.actions.githubusercontent.com', '{}', '{}', false, false, false, true, now(), now()),
  ('gitlab-ci', 'GitLab CI/CD',
   'GitLab CI/CD ID tokens (id_tokens in .gitlab-ci.yml) of a job become one content item''s token. host is'
   || ' gitlab.com or a self-managed GitLab host. Restrict by subject, e.g. a prefix rule'
   || ' project_path:{group}/{project}:ref_type:branch:ref:main, or required claims such as project_path and ref.',
   NULL, 'https://{host}', '{}', '{}', false, false, false, true, now(), now()),
  ('kubernetes', 'Kubernetes service accounts',
   'Projected service account tokens of a cluster become one content item''s token. Give the cluster''s'
   || ' service account issuer (kubectl get --raw /.well-known/openid-configuration) and the audience of the'
   || ' projected token; subject system:serviceaccount:{namespace}:{name} as an exact rule. Clusters whose'
   || ' issuer is not reachable: give federation.staticJwks (kubectl get --raw /openid/v1/jwks).',
   NULL, '{issuer}', '{}', '{}', false, false, false, true, now(), now());
