"""Writes a subscribers.toml for the delivery benchmark: subscriber i gets address i of the
emails file and URL i of the webhooks file (whichever exist), so every mail is a private,
personalised message and every webhook is signed with its own secret.

usage: bench_subscribers.py EMAILS_FILE WEBHOOKS_FILE OUT_TOML
"""
import sys


def org_number(i: int) -> str:
    """A 9-digit organisation number that passes the mod-11 check (weights 3,2,7,6,5,4,3,2)."""
    base = 900_000_000 // 10 + i  # 8 digits, then the check digit
    while True:
        digits = [int(c) for c in f"{base:08d}"]
        rest = sum(d * w for d, w in zip(digits, [3, 2, 7, 6, 5, 4, 3, 2])) % 11
        check = 0 if rest == 0 else 11 - rest
        if check != 10:
            return f"{base:08d}{check}"
        base += 1_000_000  # skip numbers whose check digit would be 10


def lines(path: str) -> list[str]:
    try:
        with open(path) as f:
            return [line.strip() for line in f if line.strip()]
    except FileNotFoundError:
        return []


emails, hooks = lines(sys.argv[1]), lines(sys.argv[2])
out = []
for i in range(max(len(emails), len(hooks))):
    out.append("[[subscriber]]")
    out.append(f'id = "bench-{i + 1:05d}"')
    out.append('kind = "vendor"')
    out.append(f'name = "Leverandør {i + 1}"')
    out.append(f'org_number = "{org_number(i + 1)}"')
    out.append('apis = ["folkeregisteret"]')
    if i < len(emails):
        out.append(f'emails = ["{emails[i]}"]')
    if i < len(hooks):
        out.append("[subscriber.webhook]")
        out.append(f'url = "{hooks[i]}"')
        out.append(f'secret = "bench-secret-{i + 1}"')
    out.append("")
with open(sys.argv[3], "w") as f:
    f.write("\n".join(out))
