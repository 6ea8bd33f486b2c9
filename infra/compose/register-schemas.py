"""Registers the value schema of every topic in topics.txt with Apicurio Registry.

Uses the registry's Confluent-compatible API: subject "<topic>-value", Avro, then the
subject's compatibility set to BACKWARD_TRANSITIVE. Registering an unchanged schema again
is a no-op, so the job can run on every start. Run by schema-init in docker-compose.yml, and
by hand through a port-forward on Kubernetes (infra/k8s/README.md).

The registry takes writes only with a bearer token: with REGISTRY_OIDC_ISSUER set, one is
obtained there (its discovery document's token endpoint) with the client credentials grant,
REGISTRY_CLIENT_ID / REGISTRY_CLIENT_SECRET (client_secret_basic) and, if the IdP needs
one, REGISTRY_TOKEN_SCOPE. The token is never printed.
"""

import base64
import json
import os
import pathlib
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

REGISTRY = os.environ["REGISTRY_URL"].rstrip("/") + "/apis/ccompat/v7"
SCHEMAS = pathlib.Path(os.environ.get("SCHEMAS_DIR", "/schemas"))
TOPICS = pathlib.Path(__file__).with_name("topics.txt")
WAIT_SECONDS = int(os.environ.get("REGISTRY_WAIT_SECONDS", "180"))
CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"


def call(method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(REGISTRY + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def access_token():
    """A token of REGISTRY_OIDC_ISSUER for the registry, or None when no issuer is set."""
    issuer = os.environ.get("REGISTRY_OIDC_ISSUER", "").rstrip("/")
    if not issuer:
        return None
    with urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=10) as response:
        token_endpoint = json.load(response)["token_endpoint"]
    client = urllib.parse.quote(os.environ["REGISTRY_CLIENT_ID"], safe="")
    secret = urllib.parse.quote(os.environ["REGISTRY_CLIENT_SECRET"], safe="")
    form = {"grant_type": "client_credentials"}
    if os.environ.get("REGISTRY_TOKEN_SCOPE"):
        form["scope"] = os.environ["REGISTRY_TOKEN_SCOPE"]
    request = urllib.request.Request(
        token_endpoint, data=urllib.parse.urlencode(form).encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Authorization": "Basic " + base64.b64encode(f"{client}:{secret}".encode()).decode()})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)["access_token"]
    except urllib.error.HTTPError as error:
        # the OAuth error code only: the body is the IdP's, and no token was issued
        reason = json.loads(error.read() or b"{}").get("error", "")
        sys.exit(f"{token_endpoint} refused a registry token to {os.environ['REGISTRY_CLIENT_ID']}: "
                 f"HTTP {error.code} {reason}")


def wait_for_registry():
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return call("GET", "/subjects")
        except (urllib.error.URLError, OSError) as error:
            if time.monotonic() > deadline:
                sys.exit(f"Registry at {REGISTRY} did not answer within {WAIT_SECONDS}s: {error}")
            time.sleep(2)


def value_schemas():
    for line in TOPICS.read_text().splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#") or fields[1] == "-":
            continue
        yield fields[0] + "-value", SCHEMAS / (fields[1] + ".avsc")


def main():
    wait_for_registry()
    token = access_token()
    for subject, schema_file in value_schemas():
        quoted = urllib.parse.quote(subject, safe="")
        registered = call("POST", f"/subjects/{quoted}/versions",
                          {"schemaType": "AVRO", "schema": schema_file.read_text()}, token)
        call("PUT", f"/config/{quoted}", {"compatibility": "BACKWARD_TRANSITIVE"}, token)
        print(f"Registered {subject} from {schema_file.name} as id {registered.get('id')}", flush=True)


if __name__ == "__main__":
    main()
