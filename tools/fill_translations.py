"""Fill unfinished Persian translations from a JSON file of source → translation.

Usage: uv run python tools/fill_translations.py TRANSLATIONS.json

Only messages still marked unfinished are filled; existing translations are
never overwritten. Run tools/update_translations.py afterwards to rebuild the
compiled catalogue.
"""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = (
    Path(__file__).resolve().parents[1]
    / "src/orderdesk/resources/translations/orderdesk_fa.ts"
)


def main() -> int:
    """Fill the catalogue and say how many messages remain unfinished."""
    wanted: dict[str, str] = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    tree = ET.parse(CATALOGUE)  # noqa: S314 - our own committed file
    left = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in wanted:
            translation.text = wanted[source]
            del translation.attrib["type"]
        else:
            left += 1

    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    CATALOGUE.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
        encoding="utf-8",
    )
    print(f"{left} message(s) still unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
