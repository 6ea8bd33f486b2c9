"""Registers the value schema of every topic in topics.txt with Apicurio Registry.

Uses the registry's Confluent-compatible API: subject "<topic>-value", Avro, then the
subject's compatibility set to BACKWARD_TRANSITIVE. Registering an unchanged schema again
is a no-op, so the job can run on every start. Run by schema-init in docker-compose.yml.
"""

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


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(REGISTRY + path, data=data, method=method,
                                     headers={"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


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
    for subject, schema_file in value_schemas():
        quoted = urllib.parse.quote(subject, safe="")
        registered = call("POST", f"/subjects/{quoted}/versions",
                          {"schemaType": "AVRO", "schema": schema_file.read_text()})
        call("PUT", f"/config/{quoted}", {"compatibility": "BACKWARD_TRANSITIVE"})
        print(f"Registered {subject} from {schema_file.name} as id {registered.get('id')}", flush=True)


if __name__ == "__main__":
    main()
