#!/usr/bin/env bash
# Fills fuzz/corpus/parse_validate_score/ with seeds: the built-in
# questionnaire, tests/questionnaires/*.json and the answers of every shared
# vector, in the target's input layout (see fuzz_targets/parse_validate_score.rs):
#   0x00 <answers>                       built-in questionnaire
#   0x01 <questionnaire> 0x00 <answers>  a questionnaire of its own
# plus a few share codes for the built-in questionnaire. The corpus directory
# is not committed; run this before the first `cargo +nightly fuzz run`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/corpus/parse_validate_score"
mkdir -p "$out"

python3 - "$root" "$out" <<'PY'
import hashlib, json, pathlib, sys

root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
builtin = (root / "core/questionnaires/social-media-strategy.json").read_bytes()
questionnaires = {"builtin": builtin}
for path in sorted((root / "tests/questionnaires").glob("*.json")):
    questionnaires[path.stem] = path.read_bytes()

def write(seed: bytes) -> None:
    (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)

def own(questionnaire: bytes, answers: bytes) -> bytes:
    return b"\x01" + questionnaire + b"\x00" + answers

empty = b'{"answers": {}}'
write(b"\x00" + empty)
for name, text in questionnaires.items():
    write(own(text, empty))

for path in sorted((root / "tests/vectors").glob("*.json")):
    vector = json.loads(path.read_text())
    answers = json.dumps({"answers": vector.get("answers", {})}).encode()
    source = vector.get("questionnaire")
    if source == "builtin":
        write(b"\x00" + answers)
        write(b"\x02" + answers)
    elif isinstance(source, str):
        write(own(questionnaires[source], answers))
    elif source is None and "questionnaireText" in vector:
        write(own(vector["questionnaireText"].encode(), answers))
    else:
        write(own(json.dumps(source).encode(), answers))

# Share codes (core/src/share.rs): id@version:letters-checksum.
def checksum(payload: str) -> str:
    h = 0x811C9DC5
    for b in payload.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    n = h % 36**4
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    for _ in range(4):
        s = digits[n % 36] + s
        n //= 36
    return s

q = json.loads(builtin)
letters = [
    "4" * sum(len(f["questions"]) for f in q["factors"]),
    "0" * sum(len(f["questions"]) for f in q["factors"]),
    "".join("n" if qu.get("allowNotApplicable") else "d_0123"[i % 6]
            for i, qu in enumerate(qq for f in q["factors"] for qq in f["questions"])),
]
for word in letters:
    payload = f"{q['id']}@{q['version']}:{word}"
    write(b"\x00" + f"{payload}-{checksum(payload)}".encode())
PY
echo "$(ls "$out" | wc -l) seeds in $out"
