#!/usr/bin/env python3
"""Where a JFR recording's CPU samples (jdk.ExecutionSample) went, for the read benchmark.

usage: jfr print --json --stack-depth 256 --events jdk.ExecutionSample rec.jfr > rec.json
       jfr-profile.py rec.json

Prints (1) each sample attributed to the innermost non-JDK layer on its stack (a HashMap.get
under graphql-java counts for graphql-java), (2) inclusive shares of a few pieces of interest
(share of samples whose stack contains them), (3) the top self frames. Samples cover Java code
only: GC and JIT threads are not in them (the benchmark's CPU per request includes them)."""
import collections
import json
import sys

LAYERS = [
    ("observation (micrometer, Spring's Observation* wrappers)", ["io.micrometer.", "Observation", "org.springframework.graphql.observation."]),
    ("graphql parse", ["graphql.parser."]),
    ("graphql validation", ["graphql.validation."]),
    ("MARC graphql limits/cost", ["ro.marc.api.graphql."]),
    ("JWT signature (nimbus, RSA)", ["com.nimbusds.", "java.math.BigInteger", "sun.security."]),
    ("JWT decoder/validators (spring)", ["org.springframework.security.oauth2.jwt."]),
    ("jdbc (pgjdbc, hikari, spring jdbc)", ["org.postgresql.", "com.zaxxer.", "org.springframework.jdbc."]),
    ("access audit", ["ro.marc.api.audit."]),
    ("MARC authorization", ["ro.marc.api.authorization."]),
    ("MARC other", ["ro.marc."]),
    ("jackson", ["tools.jackson.", "com.fasterxml."]),
    ("logging", ["ch.qos.logback.", "org.slf4j."]),
    ("graphql-java execution", ["graphql.", "org.dataloader."]),
    ("spring graphql", ["org.springframework.graphql."]),
    ("spring security", ["org.springframework.security."]),
    ("reactor", ["reactor."]),
    ("spring web/mvc", ["org.springframework.web."]),
    ("tomcat/catalina", ["org.apache."]),
    ("axon", ["org.axonframework."]),
    ("elasticsearch client", ["co.elastic.", "org.elasticsearch."]),
    ("spring other", ["org.springframework."]),
]
INCLUSIVE = [
    ("micrometer observations", "io.micrometer.observation."),
    ("JWT decode (spring + nimbus)", "org.springframework.security.oauth2.jwt."),
    ("caller read (CallerResolver)", "ro.marc.api.authorization.CallerResolver"),
    ("access audit", "ro.marc.api.audit."),
    ("graphql parse", "graphql.parser."),
    ("graphql validation", "graphql.validation."),
    ("firewall (StrictHttpFirewall)", "org.springframework.security.web.firewall."),
    ("jdbc (pgjdbc)", "org.postgresql."),
    ("axon", "org.axonframework."),
]


def frames_of(event):
    stack = event["values"].get("stackTrace")
    if not stack:
        return None
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in stack["frames"]]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    layers, inclusive, top = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in events:
        frames = frames_of(event)
        if not frames:
            continue
        total += 1
        top[frames[0]] += 1
        layer = "JDK only (no framework frame)"
        for frame in frames:
            hit = next((name for name, patterns in LAYERS if any(p in frame for p in patterns)), None)
            if hit:
                layer = hit
                break
        layers[layer] += 1
        for name, pattern in INCLUSIVE:
            if any(pattern in f for f in frames):
                inclusive[name] += 1
    if total == 0:
        print("no samples")
        return
    print(f"{total} samples; by innermost non-JDK layer:")
    for name, n in layers.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("inclusive (stack contains):")
    for name, _ in INCLUSIVE:
        print(f"  {100 * inclusive[name] / total:5.1f}%  {name}")
    print("top self frames:")
    for frame, n in top.most_common(12):
        print(f"  {100 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main(sys.argv[1])
