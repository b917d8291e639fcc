"""How much a page shows, so sizes compare like with like: list items and
table rows in an HTML page's <main>, or the entries of an HSDS list's
"contents".

    curl -s … | python3 Benchmarks/items.py
"""
import json
import re
import sys


def shown(body):
    try:
        return len(json.loads(body).get("contents", []))
    except (ValueError, AttributeError):
        main = re.search(r"<main\b.*?</main>", body, re.S)
        return len(re.findall(r"<(?:li|tr)\b", main.group(0))) if main else 0


if __name__ == "__main__":
    print(shown(sys.stdin.read()))
