"""Write the HTTP API's OpenAPI document to docs/openapi.json (tests/test_web_api.py checks that it is current).

.venv/bin/python scripts/export_openapi.py [--output docs/openapi.json]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from presslint.web.app import openapi_text

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(ROOT / "docs" / "openapi.json"))
    args = parser.parse_args()
    Path(args.output).write_text(openapi_text(), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
