"""A writer process for the change-feed test: PUTs routing documents as fast as it can, re-reading on 412.

usage: python feed_writer.py BASE_URL TOKEN ROUNDS NUMBER... ; prints the accepted [number, revision] pairs
as one JSON list on stdout.
"""

from __future__ import annotations

import json
import sys

import requests


def main() -> None:
    base, token, rounds, numbers = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    accepted = []
    for i in range(rounds):
        number = numbers[i % len(numbers)]
        while True:
            current = session.get(f"{base}/api/v1/numbers/{number}", timeout=30)
            current.raise_for_status()
            doc = current.json()
            doc["name"] = f"writer {sys.argv[0][-5:]} round {i}"
            resp = session.put(f"{base}/api/v1/numbers/{number}", json=doc, timeout=30,
                               headers={"If-Match": current.headers["ETag"]})
            if resp.status_code == 412:
                continue
            resp.raise_for_status()
            accepted.append([number, int(resp.headers["ETag"].strip('"')[1:])])
            break
    print(json.dumps(accepted))


if __name__ == "__main__":
    main()
